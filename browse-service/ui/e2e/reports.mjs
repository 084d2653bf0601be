// Browser checks of the Reports tab (issue #17) against a running browse-service on the UiDemo data, in the style of
// smoke.mjs (same Chromium, same environment):
//   BROWSE_URL=http://localhost:8000 BROWSE_TOKEN=... [BROWSE_VIEWER_TOKEN=...] node e2e/reports.mjs
// E2E_FROM / E2E_TO pick a window with answers (UiDemo: January to June 2025), E2E_MONTH a month with birthdays and
// anniversaries (UiDemo: every month), E2E_DEPARTMENT a department to scope by. With BROWSE_VIEWER_TOKEN the
// viewer's view is checked too.
import { chromium } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'

const base = process.env.BROWSE_URL || 'http://localhost:8000'
const token = process.env.BROWSE_TOKEN
const viewerToken = process.env.BROWSE_VIEWER_TOKEN
const out = process.env.SCREENSHOT_DIR || new URL('../../target/ui-screenshots/', import.meta.url).pathname
const from = process.env.E2E_FROM || '2025-01-01'
const to = process.env.E2E_TO || '2025-06-30'
const month = process.env.E2E_MONTH || '3'
const department = process.env.E2E_DEPARTMENT || 'Sales'
if (!token) throw new Error('set BROWSE_TOKEN')
mkdirSync(out, { recursive: true })

function check(condition, message) {
  if (!condition) throw new Error('FAILED: ' + message)
  console.log('ok -', message)
}

async function signIn(page, secret) {
  await page.goto(base + '/?tab=reports')
  await page.waitForSelector('form.login')
  await page.fill('input[name=token]', secret)
  await page.click('button[type=submit]')
  await page.waitForSelector('.reports .subtabs')
}

/** Clicks the button, waits for the download and returns {name, text} (the byte-order mark removed). */
async function downloaded(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '')
  return { name: file.suggestedFilename(), text }
}

const number = (s) => Number(String(s).trim())
const idle = (page) => page.waitForFunction(() => !document.querySelector('.loading'))

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
})
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 950 }, acceptDownloads: true })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error' && !/40[014]/.test(m.text())) console.log('browser console:', m.text()) })

  await signIn(page, token)
  const reports = await page.$$eval('.reports .subtabs button', (bs) => bs.map((b) => b.dataset.report))
  check(reports.join(',') === 'managers,headcount,dates', `an analyst's Reports tab opens with three reports: ${reports}`)

  // Manager × question: the API's messages for an incomplete window and a min-n under the floor.
  await page.waitForSelector('.report.managers form')
  await page.fill('input[name=answeredFrom]', from)
  await page.click('button:has-text("Run report")')
  await page.waitForSelector('.report.managers .error')
  check((await page.textContent('.report.managers .error')).includes('answeredFrom and answeredTo are required'),
    'a window without its end shows the API message that both dates are required')
  await page.fill('input[name=answeredTo]', to)
  await page.fill('input[name=minN]', '2')
  await page.click('button:has-text("Run report")')
  await page.waitForFunction(() => /minN cannot be lower/.test(document.querySelector('.report.managers .error')?.textContent || ''))
  check(true, 'a min-n under the server floor shows the API message')

  await page.fill('input[name=minN]', '')
  await page.check('input[name=subtree]')
  await page.click('button:has-text("Run report")')
  await page.waitForURL((u) => u.searchParams.get('answeredTo') === to && u.searchParams.get('subtree') === 'true')
  await page.waitForSelector('table.manager-questions tbody tr')
  await idle(page)
  const minN = number(/at least (\d+) respondents/.exec(await page.textContent('.report.managers .summary'))[1])
  const rows = await page.$$eval('table.manager-questions tbody tr', (trs) => trs.map((tr) => ({
    manager: tr.querySelector('td.manager').firstChild.textContent.trim(),
    respondents: tr.querySelector('td.respondents').textContent,
    mean: tr.querySelector('td.mean').textContent
  })))
  check(rows.length > 0 && rows.every((r) => /^Person \d+$/.test(r.manager)),
    `manager × question for ${from} to ${to} (whole subtree) lists ${rows.length} rows with managers' names`)
  // A scale question's row has a mean; an open question's (no score) shows "–".
  check(rows.every((r) => number(r.respondents) >= minN && (Number.isFinite(Number(r.mean)) || r.mean.trim() === '–'))
    && rows.some((r) => Number.isFinite(Number(r.mean))),
    `every row has at least min-n (${minN}) respondents, and a mean score unless its question has none`)
  const footer = await page.textContent('.report.managers .report-footer')
  check(/\d+ rows left out \(fewer than \d+ respondents\)/.test(footer) && /unresolved: \d+ rows without a category/.test(footer),
    'the footer counts the rows left out under min-n and the unresolved ones')
  await page.screenshot({ path: out + 'r1-manager-questions.png', fullPage: true })

  // The department scope narrows whom each row counts: the top manager's row keeps only that department's people.
  const top = rows.find((r) => r.manager === 'Person 1')
  await page.waitForSelector(`select[name=department] option[value="${department}"]`, { state: 'attached' })
  await page.selectOption('select[name=department]', department)
  await page.click('button:has-text("Run report")')
  await page.waitForURL((u) => u.searchParams.get('department') === department)
  await idle(page)
  await page.waitForFunction((d) => document.querySelector('.report.managers .summary')?.textContent.includes('department ' + d),
    department)
  const scoped = await page.$$eval('table.manager-questions tbody tr', (trs) => trs.map((tr) => ({
    manager: tr.querySelector('td.manager').firstChild.textContent.trim(),
    respondents: tr.querySelector('td.respondents').textContent
  })))
  const topScoped = scoped.find((r) => r.manager === 'Person 1')
  check(top && topScoped && number(topScoped.respondents) < number(top.respondents)
      && scoped.every((r) => number(r.respondents) >= minN),
    `scope department=${department}: Person 1's row counts ${topScoped?.respondents} of ${top?.respondents} respondents`)
  await page.selectOption('select[name=department]', '')
  await page.click('button:has-text("Run report")')
  await page.waitForURL((u) => !u.searchParams.get('department'))
  await idle(page)
  await page.waitForFunction((n) => document.querySelectorAll('table.manager-questions tbody tr').length === n, rows.length)

  const managersCsv = await downloaded(page, '.report.managers button:has-text("Download CSV")')
  const csvLines = managersCsv.text.trim().split(/\r?\n/)
  check(managersCsv.name === `manager-questions_${from}_${to}_subtree.csv`
      && csvLines[0].startsWith('managerId,managerIdentifier,managerName,questionId,questionText')
      && csvLines.length === rows.length + 1,
    `the CSV download (${managersCsv.name}) starts with the header and holds the ${rows.length} rows shown`)

  // Org headcount: the total is the sum of the departments shown.
  await page.click('[data-report=headcount]')
  await page.waitForSelector('table.departments tbody tr')
  await idle(page)
  const departments = await page.$$eval('table.departments tbody td.num', (tds) => tds.map((td) => td.textContent))
  const total = number(await page.textContent('.headcount-total'))
  const sum = departments.reduce((s, n) => s + number(n), 0)
  check(departments.length > 1 && total > 0 && sum === total,
    `headcount: the total (${total}) is the sum of the ${departments.length} departments shown`)
  check(await page.$$eval('table.managers tbody tr', (trs) => trs.length) > 0, 'headcount lists the managers')
  const headcountCsv = await downloaded(page, '.report.headcount button:has-text("Download CSV")')
  check(headcountCsv.text.startsWith('managerId,managerIdentifier,managerName,department,directReports,subtree')
      && headcountCsv.text.includes(`(total),${total}`),
    `the headcount CSV (${headcountCsv.name}) starts with the header and ends with the total`)
  await page.screenshot({ path: out + 'r2-headcount.png', fullPage: true })

  // People dates of a month, by department; the year of birth is never shown.
  await page.click('[data-report=dates]')
  await page.waitForSelector('select[name=month]')
  await page.selectOption('select[name=month]', month)
  await page.click('.report.dates button:has-text("Show")')
  await page.waitForURL((u) => u.searchParams.get('month') === month)
  await idle(page)
  await page.waitForSelector('table.birthdays tbody tr')
  const monthName = new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })
  const birthdays = await page.$$eval('table.birthdays tbody tr:not(.group)', (trs) => trs.map((tr) => tr.textContent))
  const groups = await page.$$eval('table.birthdays tr.group', (trs) => trs.length)
  check(birthdays.length > 0 && birthdays.every((b) => b.includes(monthName)) && groups > 0,
    `${birthdays.length} birthdays in ${monthName}, in ${groups} department groups`)
  check(birthdays.every((b) => !/\b(19|20)\d\d\b/.test(b)), 'birthdays show month and day, never a year')
  const years = await page.$$eval('table.anniversaries td.years', (tds) => tds.map((td) => td.textContent))
  check(years.length > 0 && years.every((y) => number(y) > 0), `${years.length} work anniversaries with their years`)
  const unusable = await page.textContent('.report.dates .unusable')
  check(/Date of Birth: \d+ missing, [1-9]\d* not a date/.test(unusable) && /employmentStart: \d+ missing/.test(unusable),
    `unusable values counted: ${unusable.trim().replace(/\s+/g, ' ')}`)
  const datesCsv = await downloaded(page, '.report.dates button:has-text("Download CSV")')
  check(datesCsv.text.startsWith('kind,department,employeeId,name,month,day,years')
      && datesCsv.text.trim().split(/\r?\n/).length === 1 + birthdays.length + years.length,
    `the people-dates CSV (${datesCsv.name}) holds the header and every entry shown`)
  await page.screenshot({ path: out + 'r3-people-dates.png', fullPage: true })
  check(errors.length === 0, 'no JavaScript errors (analyst)' + (errors.length ? ': ' + errors.join('; ') : ''))

  if (viewerToken) {
    const viewer = await (await browser.newContext({ viewport: { width: 1440, height: 950 } })).newPage()
    const viewerErrors = []
    viewer.on('pageerror', (e) => viewerErrors.push(e.message))
    await signIn(viewer, viewerToken)
    const offered = await viewer.$$eval('.reports .subtabs button', (bs) => bs.map((b) => b.dataset.report))
    check(offered.join(',') === 'headcount', 'a viewer is offered the headcount only')
    check((await viewer.textContent('.viewer-notice')).includes('need the analyst role'),
      'a viewer is told the other reports need the analyst role')
    await viewer.waitForSelector('table.departments tbody tr')
    const cells = await viewer.$$eval('table.departments tbody td.num, table.managers tbody td.num',
      (tds) => tds.map((td) => td.textContent.trim()))
    check(cells.includes('withheld') && cells.every((c) => c === 'withheld' || number(c) >= minN),
      `a viewer's headcount shows "withheld" for counts under min-n (${cells.filter((c) => c === 'withheld').length} cells)`)
    await viewer.screenshot({ path: out + 'r4-headcount-viewer.png', fullPage: true })
    check(viewerErrors.length === 0, 'no JavaScript errors (viewer)' + (viewerErrors.length ? ': ' + viewerErrors.join('; ') : ''))
  }
  console.log('screenshots in', out)
} finally {
  await browser.close()
}
