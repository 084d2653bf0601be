// Org-map labels: fixed screen-size text boxes that never overlap. The map draws them as HTML elements over the
// canvas (class org-label), so their boxes are what a browser measures, too.
export const LABEL_FONT = '12px system-ui, sans-serif'
export const LABEL_H = 15

let measurer
/** The label's box width in CSS pixels for LABEL_FONT, plus a little padding. */
export function textWidth(text) {
  if (!measurer) measurer = document.createElement('canvas').getContext('2d')
  measurer.font = LABEL_FONT
  return Math.ceil(measurer.measureText(text).width) + 4
}

/**
 * Greedy placement: candidates ({left, top, width, rank, size, depth, id}) in priority order (lower rank first, then
 * bigger subtrees, then shallower people, then id) each take their box only if no box taken before overlaps it (2 px
 * apart at least); the rest stay unlabelled until zooming in makes room. A spatial grid keeps it near-linear.
 */
export function nonOverlapping(candidates, w, h) {
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank || b.size - a.size || a.depth - b.depth
    || (a.id < b.id ? -1 : 1))
  const cell = 80
  const grid = new Map()
  const out = []
  const cells = (b) => {
    const keys = []
    for (let gx = Math.floor(b.left / cell); gx <= Math.floor((b.left + b.width) / cell); gx++) {
      for (let gy = Math.floor(b.top / cell); gy <= Math.floor((b.top + LABEL_H) / cell); gy++) keys.push(gx + ',' + gy)
    }
    return keys
  }
  const overlaps = (a, b) => a.left < b.left + b.width + 2 && b.left < a.left + a.width + 2
    && a.top < b.top + LABEL_H + 1 && b.top < a.top + LABEL_H + 1
  for (const c of sorted) {
    if (c.left + c.width < 0 || c.left > w || c.top + LABEL_H < 0 || c.top > h) continue
    const keys = cells(c)
    if (keys.some((k) => (grid.get(k) || []).some((o) => overlaps(c, o)))) continue
    keys.forEach((k) => { if (!grid.has(k)) grid.set(k, []); grid.get(k).push(c) })
    out.push(c)
  }
  return out
}
