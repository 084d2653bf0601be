// The URL is the view's state: ?tab=answers&department=Sales&offset=50 can be shared and reloaded.
import { reactive } from 'vue'

function read() {
  const out = {}
  new URLSearchParams(window.location.search).forEach((v, k) => { out[k] = v })
  return out
}

export const url = reactive({ params: read() })

window.addEventListener('popstate', () => { url.params = read() })

/** Replaces the query with {tab, ...params} (empty values dropped) and pushes a history entry. */
export function setParams(params, replace = false) {
  const clean = {}
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') clean[k] = String(v)
  })
  const q = new URLSearchParams(clean).toString()
  const target = window.location.pathname + (q ? '?' + q : '')
  if (target !== window.location.pathname + window.location.search) {
    if (replace) window.history.replaceState(null, '', target)
    else window.history.pushState(null, '', target)
  }
  url.params = clean
}

/** Picks the given keys from the current URL params. */
export function pick(keys) {
  const out = {}
  keys.forEach((k) => { if (url.params[k] !== undefined) out[k] = url.params[k] })
  return out
}
