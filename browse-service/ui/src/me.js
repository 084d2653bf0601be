// Who the UI is signed in as (/api/me: user, role, minN), so it shows only what that role is served: a viewer
// gets aggregates only (no answers listing, CSV, people's details or e-mails).
import { reactive } from 'vue'
import { getJson } from './api.js'

export const me = reactive({ user: '', role: '', minN: null, loaded: false, error: '' })

export async function loadMe() {
  me.loaded = false
  me.error = ''
  try {
    const m = await getJson('/api/me')
    me.user = m.user
    me.role = m.role
    me.minN = m.minN
  } catch (e) {
    // Without /api/me the role is unknown: show the least (the API refuses the rest anyway).
    me.user = ''
    me.role = 'viewer'
    me.error = e.message
  }
  me.loaded = true
}
