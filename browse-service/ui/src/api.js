// Every data request goes through here: it adds the stored credentials and turns failures into readable errors.
// Credentials live in sessionStorage only (gone when the tab closes), never in the URL.
const KEY = 'peakon-browse.auth'

export function authHeader() {
  return sessionStorage.getItem(KEY)
}

export function setAuth(header) {
  if (header) sessionStorage.setItem(KEY, header)
  else sessionStorage.removeItem(KEY)
}

export function basicHeader(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`)
  let binary = ''
  bytes.forEach((b) => { binary += String.fromCharCode(b) })
  return 'Basic ' + btoa(binary)
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

let onUnauthorized = () => {}
export function whenUnauthorized(fn) { onUnauthorized = fn }

export function query(params) {
  const q = new URLSearchParams()
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  })
  const s = q.toString()
  return s ? '?' + s : ''
}

async function request(path, params, accept) {
  const headers = { Accept: accept }
  const auth = authHeader()
  if (auth) headers.Authorization = auth
  let response
  try {
    response = await fetch(path + query(params || {}), { headers, credentials: 'omit' })
  } catch (e) {
    throw new ApiError(0, 'The browse service is not reachable.')
  }
  if (response.status === 401) {
    onUnauthorized()
    throw new ApiError(401, 'Not signed in (or the credentials were rejected).')
  }
  if (!response.ok) {
    let message = `HTTP ${response.status}`
    try {
      const body = await response.json()
      if (body && body.message) message = body.message
    } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, message)
  }
  return response
}

export async function getJson(path, params) {
  return (await request(path, params, 'application/json')).json()
}

/** Downloads through fetch (the Authorization header cannot ride on a plain link). */
export async function download(path, params, fallbackName) {
  const response = await request(path, params, 'text/csv')
  const blob = await response.blob()
  const disposition = response.headers.get('Content-Disposition') || ''
  const match = /filename="([^"]+)"/.exec(disposition)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = match ? match[1] : fallbackName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

/**
 * For a view that reloads on every URL change: each call of the returned function starts a load and returns a
 * check that is true only while no later load has started, so a slow, older response never overwrites a newer one.
 */
export function loadSequence() {
  let n = 0
  return () => {
    const mine = ++n
    return () => mine === n
  }
}
