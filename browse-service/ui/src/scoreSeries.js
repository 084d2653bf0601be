// Score items → chart series: times normalised (Peakon sends epoch seconds, older items ISO strings), categories
// named through /api/scores/categories (an id nobody names stays the id: never guessed), and a default pick of the
// series to draw.
import { reactive } from 'vue'
import { getJson } from './api.js'

export const categoryNames = reactive({ byId: {}, loaded: false, error: '' })

export async function loadCategoryNames() {
  if (categoryNames.loaded) return
  try {
    const body = await getJson('/api/scores/categories')
    const byId = {}
    body.categories.forEach((c) => { byId[c.id] = c.name })
    categoryNames.byId = byId
    categoryNames.loaded = true
    categoryNames.error = ''
  } catch (e) {
    categoryNames.error = e.message
  }
}

/** The category's name, or its id when nothing names it. */
export function categoryLabel(id) {
  const name = categoryNames.byId[String(id)]
  return name || String(id)
}

/** An ISO instant for a stored score time: epoch seconds (number or digit string) or an ISO string. */
export function isoTime(t) {
  if (t === null || t === undefined || t === '') return ''
  if (typeof t === 'number' || /^\d+(\.\d+)?$/.test(String(t))) {
    const d = new Date(Number(t) * 1000)
    return Number.isNaN(d.getTime()) ? String(t) : d.toISOString()
  }
  return String(t)
}

/** How many series a chart shows before the user picks: the ones with the most points. */
export const TOP_N = 6

/** The keys of the TOP_N series with the most non-empty points (ties: by label). */
export function topKeys(series, n = TOP_N) {
  return [...series]
    .sort((a, b) => b.points.filter((p) => p.y !== null).length - a.points.filter((p) => p.y !== null).length
      || a.label.localeCompare(b.label))
    .slice(0, n)
    .map((s) => s.key)
}

export const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563',
  '#65a30d', '#7c3aed', '#0d9488', '#b91c1c', '#1d4ed8', '#a16207', '#be185d', '#15803d', '#334155']
