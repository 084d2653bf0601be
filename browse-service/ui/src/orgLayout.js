// Compact org-chart layout: a manager whose reports are all leaves gets them stacked in a column below it (like a
// printed org chart), every other node sits centred over its children, leaves of mixed teams get consecutive slots.
// Iterative (explicit stack, no recursion), so deep or wide trees cannot overflow the call stack.
export const SLOT = 34
export const LEVEL = 90
export const ROW = 26
const COLUMN_SLOTS = 5

export function layout(map) {
  const children = new Map()
  map.edges.forEach((e) => {
    if (!children.has(e.from)) children.set(e.from, [])
    children.get(e.from).push(e.to)
  })
  const kidsOf = (id) => children.get(id) || []
  const pos = new Map()
  let nextSlot = 0
  for (const root of map.view.roots) {
    const stack = [{ id: root, level: 0, i: 0 }]
    while (stack.length) {
      const top = stack[stack.length - 1]
      const kids = kidsOf(top.id)
      if (top.i === 0 && kids.length >= 2 && kids.every((k) => kidsOf(k).length === 0)) {
        // a team of individual contributors: a column under the manager
        const x = nextSlot * SLOT
        const y = top.level * LEVEL
        pos.set(top.id, { x, y })
        kids.forEach((k, j) => pos.set(k, { x: x + SLOT / 2, y: y + LEVEL * 0.6 + j * ROW, stacked: true }))
        nextSlot += COLUMN_SLOTS
        stack.pop()
        continue
      }
      if (top.i < kids.length) {
        stack.push({ id: kids[top.i], level: top.level + 1, i: 0 })
        top.i++
        continue
      }
      stack.pop()
      let x
      if (kids.length === 0) {
        x = nextSlot++ * SLOT
      } else {
        x = (pos.get(kids[0]).x + pos.get(kids[kids.length - 1]).x) / 2
        if (pos.get(kids[0]).stacked) x -= SLOT / 2
      }
      pos.set(top.id, { x, y: top.level * LEVEL })
    }
    nextSlot += 1 // a gap between separate trees
  }
  let width = 0
  let height = 0
  pos.forEach((p) => { width = Math.max(width, p.x); height = Math.max(height, p.y) })
  return { pos, children, width: width + SLOT * COLUMN_SLOTS, height: height + LEVEL }
}

export function departmentColour(name) {
  let h = 0
  for (const c of String(name || '')) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return `hsl(${h % 360}, 55%, 55%)`
}

/** Red (low) → amber → green (high) on Peakon's 0–10 scale; grey when withheld. */
export function engagementColour(e) {
  if (!e || e.withheld || e.mean === null) return '#c4c4c4'
  const t = Math.max(0, Math.min(1, e.mean / 10))
  return `hsl(${Math.round(t * 120)}, 65%, 45%)`
}

/** Everyone below a collapsed person (children: manager id → report ids); iterative, cycle-safe. */
export function hiddenBelow(children, collapsed) {
  const hidden = new Set()
  const stack = [...collapsed].flatMap((id) => children.get(id) || [])
  while (stack.length) {
    const id = stack.pop()
    if (hidden.has(id)) continue
    hidden.add(id)
    ;(children.get(id) || []).forEach((k) => stack.push(k))
  }
  return hidden
}
