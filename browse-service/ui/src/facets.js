// Department / sub-department / manager values for the pickers, loaded once per session and per "show people who
// left" setting (issue #14: people who left are not offered unless it is on).
import { reactive } from 'vue'
import { getJson } from './api.js'

export const facets = reactive({
  departments: [], subDepartments: [], managers: [], loaded: false, error: '', includeAbsent: false,
})
let loadedFor = null

export async function loadFacets() {
  if (facets.loaded && loadedFor === facets.includeAbsent) return
  const wanted = facets.includeAbsent
  try {
    const f = await getJson('/api/employees/facets', wanted ? { includeAbsent: 'true' } : {})
    if (wanted !== facets.includeAbsent) return
    facets.departments = f.departments
    facets.subDepartments = f.subDepartments
    facets.managers = f.managers
    facets.loaded = true
    loadedFor = wanted
    facets.error = ''
  } catch (e) {
    facets.error = e.message
  }
}

/** Turns "show people who left" on or off for every picker and reloads their values. */
export function showPeopleWhoLeft(on) {
  facets.includeAbsent = on
  return loadFacets()
}
