// The state every report view shares: its newest result (a slower, older response never overwrites a newer one),
// loading and error, and the CSV download of the same parameters (through fetch: a link cannot carry the header).
import { ref } from 'vue'
import { download, getJson, loadSequence } from './api.js'

export function useReport(path, csvName) {
  const result = ref(null)
  const loading = ref(false)
  const error = ref('')
  const csvBusy = ref(false)
  const next = loadSequence()

  async function load(params) {
    const current = next()
    loading.value = true
    error.value = ''
    try {
      const r = await getJson(path, params)
      if (current()) result.value = r
    } catch (e) {
      if (!current()) return
      error.value = e.message
      result.value = null
    } finally {
      if (current()) loading.value = false
    }
  }

  async function exportCsv(params) {
    csvBusy.value = true
    try {
      await download(path + '.csv', params, csvName)
    } catch (e) {
      error.value = 'CSV download failed: ' + e.message
    } finally {
      csvBusy.value = false
    }
  }

  return { result, loading, error, csvBusy, load, exportCsv }
}
