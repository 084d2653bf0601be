// Department / sub-department / manager values for the pickers, loaded once per session.
import { reactive } from 'vue'
import { getJson } from './api.js'

export const facets = reactive({ departments: [], subDepartments: [], managers: [], loaded: false, error: '' })

export async function loadFacets() {
  if (facets.loaded) return
  try {
    const f = await getJson('/api/employees/facets')
    facets.departments = f.departments
    facets.subDepartments = f.subDepartments
    facets.managers = f.managers
    facets.loaded = true
    facets.error = ''
  } catch (e) {
    facets.error = e.message
  }
}
