// Browser smoke test of the built UI against a running browse-service. The Maven build runs it (UiSmokeIT, on the
// UiDemo data, whenever Chromium is installed; CI installs it and requires it); by hand:
//   BROWSE_URL=http://localhost:8000 BROWSE_TOKEN=... npm run e2e
// Uses the machine's Chromium (Debian package `chromium`; CHROMIUM_PATH overrides) through playwright-core, which
// never downloads a browser. Screenshots go to ../target/ui-screenshots/ (SCREENSHOT_DIR overrides).
// E2E_DEPARTMENT / E2E_TEXT / E2E_PERSON pick the answers filter and the person to find, E2E_LEFT_PERSON someone who
// left (defaults fit UiDemo data).
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'

const base = process.env.BROWSE_URL || 'http://localhost:8000'
const token = process.env.BROWSE_TOKEN
const out = process.env.SCREENSHOT_DIR || new URL('../../target/ui-screenshots/', import.meta.url).pathname
const department = process.env.E2E_DEPARTMENT || 'Sales'
const text = process.env.E2E_TEXT || 'meetings'
const person = process.env.E2E_PERSON || 'Person 3'
if (!token) throw new Error('set BROWSE_TOKEN')
mkdirSync(out, { recursive: true })

function check(condition, message) {
  if (!condition) throw new Error('FAILED: ' + message)
  console.log('ok -', message)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 950 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error' && !/40[14]/.test(m.text())) console.log('browser console:', m.text()) })

  await page.goto(base + '/')
  await page.waitForSelector('form.login')
  await page.screenshot({ path: out + '00-login.png' })
  await page.fill('input[name=token]', 'wrong-token')
  await page.click('button[type=submit]')
  await page.waitForSelector('form.login .error')
  check(true, 'a wrong token is rejected with a message')
  await page.fill('input[name=token]', token)
  await page.click('button[type=submit]')
  await page.waitForSelector('table.answers tbody tr')
  check(true, 'signed in; answers table shows rows')
  await page.screenshot({ path: out + '01-answers.png', fullPage: true })
  const api = (path) => page.evaluate(async ([p, t]) => (await fetch(p, { headers: { Authorization: 'Bearer ' + t } })).json(), [path, token])
  const idle = () => page.waitForFunction(() => !document.querySelector('.loading'))
  // Waits until the cells the selector picks are non-empty and each contains `text`: true when that happened within
  // 15 s, false otherwise (the check then fails). A URL change re-renders asynchronously.
  const until = async (selector, text) => {
    try {
      await page.waitForFunction(([sel, t]) => {
        const cells = [...document.querySelectorAll(sel)].map((e) => e.textContent.trim())
        return cells.length > 0 && cells.every((c) => c.includes(t))
      }, [selector, text], { timeout: 15000 })
      return true
    } catch (e) {
      return false
    }
  }

  // Name and department columns, from the directory (server-side enrichment).
  const people = await page.$$eval('table.answers tbody tr', (trs) => trs.map((tr) => [
    tr.querySelector('td.person .name')?.textContent.trim(), tr.querySelector('td.dept')?.textContent.trim()]))
  check(people.length > 0 && people.every(([n, d]) => /^Person \d+$/.test(n) && d.length > 0),
    `answers rows show the respondent's name and department: e.g. ${people[0]}`)

  // Unscored answers last in both directions: the first page has none, the last page ends with them.
  for (const order of ['asc', 'desc']) {
    await page.goto(base + `/?tab=answers&sort=score&order=${order}&limit=50`)
    await page.waitForSelector('table.answers tbody tr')
    const firstScores = await page.$$eval('table.answers td.score', (tds) => tds.map((td) => td.textContent.trim()))
    const total = Number(/of (\d+)/.exec(await page.textContent('.pager span'))[1])
    await page.goto(base + `/?tab=answers&sort=score&order=${order}&limit=50&offset=${total - 50}`)
    await page.waitForSelector('table.answers tbody tr')
    const lastScores = await page.$$eval('table.answers td.score', (tds) => tds.map((td) => td.textContent.trim()))
    const numbers = firstScores.map(Number)
    const sorted = numbers.every((v, i) => i === 0 || (order === 'asc' ? v >= numbers[i - 1] : v <= numbers[i - 1]))
    check(firstScores.every((v) => v !== '–') && sorted && lastScores[lastScores.length - 1] === '–',
      `score ${order}: sorted, unscored answers last (first page ${firstScores.slice(0, 3)}…, last page ends ${lastScores.slice(-2)})`)
  }

  // Category group: a picker of the groups present in the data.
  await page.goto(base + '/?tab=answers')
  await page.waitForSelector('select[name=categoryGroup] option[value="other"]', { state: 'attached' })
  const groups = await page.$$eval('select[name=categoryGroup] option', (os) => os.map((o) => o.value).filter(Boolean))
  check(groups.includes('engagement') && groups.includes('other'), `category groups offered from the data: ${groups}`)
  await page.selectOption('select[name=categoryGroup]', 'other')
  await page.click('button:has-text("Apply filters")')
  await page.waitForURL((u) => u.searchParams.get('categoryGroup') === 'other')
  const onlyOther = await until('table.answers tbody tr td:nth-child(4) .muted', 'other')
  const groupCells = await page.$$eval('table.answers tbody tr td:nth-child(4) .muted', (ds) => ds.map((d) => d.textContent))
  check(onlyOther && groupCells.length > 0 && groupCells.every((t) => t.includes('other')), `category group filter: ${groupCells.length} rows, all "other"`)

  // Date ranges: refused in the form, and the API's 400 message shown for a hand-made URL.
  await page.fill('input[name=answeredFrom]', '2025-05-01')
  await page.fill('input[name=answeredTo]', '2025-03-01')
  await page.click('button:has-text("Apply filters")')
  await page.waitForSelector('.form-error')
  check((await page.textContent('.form-error')).includes('after'), 'a reversed date range is refused with a message')
  await page.goto(base + '/?tab=answers&answeredFrom=2025-05-01&answeredTo=2025-03-01')
  await page.waitForSelector('p.error')
  const serverMessage = await page.textContent('p.error')
  check(/answeredFrom|after|before/i.test(serverMessage), `the API's 400 on a reversed range is shown: "${serverMessage.trim()}"`)

  // True empty state, and the withheld (min-n) wording for one person's answers.
  await page.goto(base + '/?tab=answers&q=no-such-text-anywhere')
  await page.waitForSelector('p.empty')
  check((await page.textContent('p.empty')).includes('No answer matches these filters'), 'empty result says no answer matches')
  await page.goto(base + '/?tab=answers&employeeId=1003')
  await page.waitForSelector('p.summary')
  await idle()
  check((await page.textContent('p.summary')).includes('withheld (fewer than'), 'one person\'s summary: mean withheld (min-n)')
  await page.goto(base + '/?tab=answers')
  await page.waitForSelector('table.answers tbody tr')

  await page.waitForSelector(`select[name=department] option[value="${department}"]`, { state: 'attached' })
  await page.selectOption('select[name=department]', department)
  await page.fill('input[name=q]', text)
  await page.click('button:has-text("Apply filters")')
  await page.waitForURL((u) => u.searchParams.get('department') === department && u.searchParams.get('q') === text)
  await page.waitForFunction(() => !document.querySelector('.loading'))
  const comments = await page.$$eval('table.answers tbody td.comment', (tds) => tds.map((td) => td.textContent))
  check(comments.length > 0 && comments.every((c) => c.toLowerCase().includes(text.toLowerCase())),
    `answers filtered by department=${department} and q=${text}: ${comments.length} rows, all matching`)
  await page.screenshot({ path: out + '02-answers-filtered.png', fullPage: true })

  await page.click('[data-tab=scores]')
  await page.waitForSelector('.company-chart svg.chart path')
  check(true, 'scores chart drawn')
  await page.screenshot({ path: out + '03-scores.png', fullPage: true })
  // The newest month in the data is on the chart (not cut off by an oldest-first limit).
  const newestItem = (await api('/api/scores/contexts?sort=time&order=desc&limit=1')).items[0]
  const t = newestItem.attributes.scores.time
  const newestMonth = (typeof t === 'number' ? new Date(t * 1000).toISOString() : String(t)).slice(0, 7)
  const chartNewest = await page.getAttribute('.company-chart svg.chart', 'data-newest')
  const tick = await page.textContent('.company-chart svg.chart text.x-newest')
  check(chartNewest === newestMonth && tick === newestMonth, `the chart reaches the newest month in the data (${newestMonth}; tick ${tick})`)
  const legend = await page.$$eval('.company-chart .chart-legend li', (lis) => lis.map((li) => li.textContent.trim()))
  check(legend.length > 1 && legend.length <= 6 && legend.every((l) => !/^\d+\b/.test(l)) && legend.some((l) => l.startsWith('Engagement')),
    `top series drawn by default, named not numbered: ${legend.join('; ')}`)
  await page.click('.company-chart .series-picker button:has-text("all")')
  const allLegend = await page.$$eval('.company-chart .chart-legend li', (lis) => lis.map((li) => li.textContent.trim()))
  const drawn = await page.textContent('.company-chart .series-picker span')
  check(allLegend.length > legend.length && drawn.startsWith(`${allLegend.length} of ${allLegend.length}`)
    && allLegend.some((l) => l.startsWith('1599999')),
    `"all" draws every series (${allLegend.length}); an id nothing names stays the id`)
  await page.screenshot({ path: out + '03a-scores-all-series.png', fullPage: true })
  await page.selectOption('select[name=grade]', 'good')
  await page.click('button:has-text("Apply filters")')
  await page.waitForURL((u) => u.searchParams.get('grade') === 'good')
  const onlyGood = await until('section table.data tbody tr td:nth-child(6)', 'good')
  const grades = await page.$$eval('section table.data tbody tr td:nth-child(6)', (tds) => tds.map((td) => td.textContent.trim()))
  check(onlyGood && grades.length > 0 && grades.every((g) => g === 'good'), `scores grade filter: ${grades.length} rows, all good`)
  await page.click('.subtabs button:has-text("Scores by driver")')
  await page.waitForURL((u) => u.searchParams.get('kind') === 'drivers')
  await page.waitForFunction(() => [...document.querySelectorAll('.company-chart .chart-legend li')]
    .some((li) => li.textContent.includes('(autonomy)')), null, { timeout: 15000 }).catch(() => {})
  const driverLegend = await page.$$eval('.company-chart .chart-legend li', (lis) => lis.map((li) => li.textContent.trim()))
  check(driverLegend.includes('Autonomy (autonomy)'), `driver scores charted with names: ${driverLegend.join('; ')}`)
  await page.click('.subtabs button:has-text("Scores by context")')
  await page.waitForURL((u) => u.searchParams.get('kind') === 'contexts')

  // Department filter on scores: Peakon's own scores for the department's segment, with participation (issue #13).
  await page.waitForSelector(`select[name=department] option[value="${department}"]`, { state: 'attached' })
  await page.selectOption('select[name=department]', department)
  await page.click('button:has-text("Apply filters")')
  await page.waitForURL((u) => u.searchParams.get('tab') === 'scores' && u.searchParams.get('department') === department)
  await page.waitForSelector('.card.segment-scores svg.chart path')
  const segmentTitle = await page.textContent('.card.segment-scores h3')
  check(segmentTitle.includes('Department segment: ' + department), `the ${department} segment's scores are charted`)
  const segmentRows = await page.$$eval('.card.segment-scores tbody tr', (trs) => trs.map((tr) => tr.textContent))
  check(segmentRows.length > 0 && segmentRows.every((r) => /withheld|\d+ \/ \d+/.test(r)),
    `segment points listed with participation (responded / total) or withheld: ${segmentRows.length} rows`)
  await page.screenshot({ path: out + '03b-scores-segment.png', fullPage: true })
  // A small sub-department segment: some points are withheld, with the reason.
  await page.goto(base + `/?tab=scores&subDepartment=${encodeURIComponent(department + ' A')}`)
  await page.waitForSelector('.card.segment-scores tbody tr')
  const withheldRows = await page.$$eval('.card.segment-scores tbody tr', (trs) => trs.map((tr) => tr.textContent).filter((t) => t.includes('withheld')))
  check(withheldRows.length > 0 && withheldRows.every((r) => /fewer than \d+ respondents/.test(r)),
    `withheld segment points say why: ${withheldRows.length} rows`)

  await page.click('[data-tab=orgmap]')
  await page.waitForSelector('.map-meta')
  await page.waitForSelector('.org-label')
  await page.waitForTimeout(300)
  await page.screenshot({ path: out + '04-orgmap.png', fullPage: true })
  const shownPeople = Number(/(\d+) of/.exec(await page.textContent('.map-meta span'))[1])
  const boxes = await page.$$eval('.org-label', (ls) => ls.map((l) => { const r = l.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, l.textContent] }))
  const clash = []
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) clash.push(a[4] + ' / ' + b[4])
  }))
  check(shownPeople >= 490 && boxes.length >= 5 && clash.length === 0,
    `org map at default zoom, ${shownPeople} people: ${boxes.length} labels, none overlapping${clash.length ? ': ' + clash.slice(0, 3) : ''}`)
  await page.click('.zoom button:has-text("Fit")')
  const span = await page.$eval('canvas.org-canvas', (c) => [Number(c.dataset.spanX), Number(c.dataset.spanY)])
  check(span[0] > 0.7 && span[1] > 0.7, `Fit fills the canvas: the map spans ${span[0] * 100}% x ${span[1] * 100}%`)
  await page.fill('input[name=search]', 'Person 12')
  await page.waitForSelector('.matches li')
  const found = await page.$$eval('.matches li', (lis) => lis.map((li) => [li.querySelector('.match-name')?.textContent.trim(), li.querySelector('.match-email')?.textContent.trim()]))
  check(found.length > 0 && found.every(([n, e]) => n.startsWith('Person 12') && e.includes('@') && !e.includes(n)),
    `search results show name and email apart: ${found[0]}`)
  await page.fill('input[name=search]', '')
  await page.fill('input[name=search]', person)
  await page.click(`.matches button:has-text("${person}")`)
  await page.waitForSelector('aside.side h3')
  // click on empty canvas clears the selection, clicking the centred node selects it again
  const box = await (await page.$('canvas.org-canvas')).boundingBox()
  await page.fill('input[name=search]', '')
  await page.mouse.click(box.x + 6, box.y + box.height - 6)
  await page.waitForSelector('aside.side h3', { state: 'detached' })
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await page.waitForSelector('aside.side h3')
  const name = await page.textContent('aside.side h3')
  check(name.trim() === person, `clicking the node on the canvas opens ${person}'s side panel`)
  check(await page.$$eval('aside.side ol.path li', (li) => li.length) > 0, 'side panel shows the path to the top')
  await page.screenshot({ path: out + '05-orgmap-selected.png', fullPage: true })
  // Collapse the selected person's subtree and expand it again.
  const labelsBefore = await page.$$eval('.org-label', (ls) => ls.length)
  await page.click('aside.side button.collapse-toggle')
  await page.waitForSelector('.map-meta button:has-text("expand all")')
  const collapsedLabel = await page.textContent(`.org-label:has-text("${person} (+")`)
  check(/\(\+\d+\)/.test(collapsedLabel), `collapsing ${person}'s subtree marks it: "${collapsedLabel}" (${labelsBefore} labels before)`)
  await page.click('.map-meta button:has-text("expand all")')
  await page.waitForSelector('.map-meta button:has-text("expand all")', { state: 'detached' })

  await page.selectOption('select[name=colour]', 'engagement')
  await page.click('button:has-text("Apply")')
  await page.waitForURL((u) => u.searchParams.get('colour') === 'engagement')
  await page.waitForFunction(() => !document.querySelector('.loading'))
  await page.screenshot({ path: out + '06-orgmap-engagement.png', fullPage: true })
  // Min-n on the map: the legend explains grey, and one person's own subtree engagement is withheld.
  const engagementLegend = await page.textContent('.legend-inline')
  check(engagementLegend.includes('withheld (< 5 respondents') && engagementLegend.includes('category group engagement'),
    'engagement legend says what is shown and names the withheld colour')
  await page.fill('input[name=search]', 'Person 208')
  await page.click('.matches button:has-text("Person 208")')
  await page.waitForSelector('aside.side h3:has-text("Person 208")')
  await page.waitForSelector('aside.side dd:has-text("withheld")')
  check(/withheld \((< 5|fewer than 5) respondents\)/.test(await page.textContent('aside.side dl')),
    'a single person\'s subtree engagement is withheld (min-n), and says so')
  await page.fill('input[name=search]', '')

  // The metric org map (issue #17): coloured by one driver over a window of months, the legend says which and how many.
  await page.selectOption('select[name=colour]', 'driver')
  // UiDemo's scored answers are of category 1527152, the catalog's "Engagement" driver.
  const engagementDriver = await page.$$eval('select[name=driver] option', (os) => (os.find((o) => o.textContent.trim() === 'Engagement') || {}).value)
  await page.selectOption('select[name=driver]', engagementDriver)
  await page.fill('input[name=fromMonth]', '2025-01')
  await page.fill('input[name=toMonth]', '2025-06')
  await page.click('button:has-text("Apply")')
  await page.waitForURL((u) => u.searchParams.get('colour') === 'driver' && u.searchParams.get('to') === '2025-06-30')
  await page.waitForFunction(() => !document.querySelector('.loading'))
  const metricLegend = await page.textContent('.legend-inline')
  check(/driver Engagement/.test(metricLegend) && /2025-01-01 – 2025-06-30/.test(metricLegend) && /[1-9]\d* respondents in all/.test(metricLegend),
    `the map coloured by a driver says which, when and how many: "${metricLegend.replace(/\s+/g, ' ').trim().slice(0, 160)}"`)
  await page.screenshot({ path: out + '06a-orgmap-driver.png', fullPage: true })
  await page.selectOption('select[name=colour]', 'none')
  await page.click('button:has-text("Apply")')
  await page.waitForURL((u) => !u.searchParams.get('colour'))

  // People who left (issue #14): not on the map by default; the switch adds them, marked (UiDemo: ten left).
  const total = async () => Number(/(\d+) of (\d+) people/.exec(await page.textContent('.map-meta span'))[2])
  const before = await total()
  await page.check('form.filters input[name=includeAbsent]')
  await page.click('button:has-text("Apply")')
  await page.waitForURL((u) => u.searchParams.get('includeAbsent') === 'true')
  await page.waitForFunction(() => !document.querySelector('.loading'))
  await page.waitForFunction((n) => {
    const m = /(\d+) of (\d+) people/.exec(document.querySelector('.map-meta span')?.textContent || '')
    return m && Number(m[2]) > n
  }, before)
  const after = await total()
  check(after > before, `"show people who left" adds them to the map: ${before} -> ${after} people`)
  const leaver = process.env.E2E_LEFT_PERSON || 'Person 500'
  await page.fill('input[name=search]', leaver)
  await page.click(`.matches button:has-text("${leaver}")`)
  await page.waitForSelector('aside.side .left-notice')
  check((await page.textContent('aside.side .left-notice')).includes('Left'), `${leaver}'s side panel says they left`)
  await page.fill('input[name=search]', '')
  await page.screenshot({ path: out + '06b-orgmap-people-who-left.png', fullPage: true })

  await page.click('[data-tab=runs]')
  await page.waitForSelector('table.runs tbody tr')
  await page.click('table.runs tbody tr.clickable')
  await page.waitForSelector('table.inner')
  await page.click('table.runs tbody tr.clickable:has-text("partial")')
  await page.waitForSelector('table.skipped-requests tbody tr')
  const skipped = await page.$$eval('table.skipped-requests tbody tr', (trs) => trs.map((tr) => tr.textContent))
  check(skipped.some((r) => r.includes('reward') && r.includes('422') && r.includes('not a valid score group')),
    `a run's skipped requests are listed with their stored reasons: ${skipped.length}`)
  await page.screenshot({ path: out + '07-runs.png', fullPage: true })
  await page.selectOption('select[name=landingStatus]', 'superseded')
  await page.waitForURL((u) => u.searchParams.get('landingStatus') === 'superseded')
  const onlySuperseded = await until('table.runs tbody tr.clickable td:nth-child(5)', 'superseded')
  const landings = await page.$$eval('table.runs tbody tr.clickable td:nth-child(5)', (tds) => tds.map((td) => td.textContent.trim()))
  check(onlySuperseded && landings.length > 0 && landings.every((l) => l === 'superseded'), `runs landing filter "superseded": ${landings.length} run(s)`)
  await page.selectOption('select[name=landingStatus]', '')
  await page.selectOption('select[name=status]', 'partial')
  await page.waitForURL((u) => u.searchParams.get('status') === 'partial')
  const onlyPartial = await until('table.runs tbody tr.clickable td:nth-child(4)', 'partial')
  const statuses = await page.$$eval('table.runs tbody tr.clickable td:nth-child(4)', (tds) => tds.map((td) => td.textContent.trim()))
  check(onlyPartial && statuses.length > 0 && statuses.every((l) => l === 'partial'), `runs fetch-status filter "partial": ${statuses.length} run(s)`)
  // A viewer (aggregates only): signed in with user and password, the UI hides the answers listing, the CSV, people's
  // details and e-mails, and shows the summary with its withheld reason.
  const viewer = process.env.VIEWER_USER || 'viewer'
  const viewerPassword = process.env.VIEWER_PASSWORD || 'viewer'
  await page.click('header .signout')
  await page.waitForSelector('form.login')
  await page.check('form.login input[value=basic]')
  await page.fill('input[name=user]', viewer)
  await page.fill('input[name=password]', viewerPassword)
  await page.click('button[type=submit]')
  await page.waitForSelector('.whoami[data-role=viewer]')
  check(true, `signed in as ${viewer}, a viewer`)
  await page.goto(base + '/?tab=answers')
  await page.waitForSelector('.viewer-summary .summary-card')
  check(await page.$('table.answers') === null && await page.$('button:has-text("Download CSV")') === null,
    'a viewer sees no answers listing and no CSV download')
  const refused = await page.evaluate(async () => {
    const r = await fetch('/api/answers', { headers: { Authorization: sessionStorage.getItem('peakon-browse.auth') } })
    return [r.status, (await r.json()).error]
  })
  check(refused[0] === 403 && refused[1] === 'forbidden', `the API refuses a viewer the listing: ${refused}`)
  await page.selectOption('select[name=department]', department)
  await page.click('button:has-text("Show summary")')
  await page.waitForURL((u) => u.searchParams.get('department') === department)
  await page.waitForSelector('.summary-card h3:has-text("Department ' + department + '")')
  const deptFigure = await page.textContent('.summary-card .summary-figure')
  check(/\d+ answers/.test(deptFigure) || deptFigure.includes('Withheld:'), `viewer summary of ${department}: ${deptFigure.trim()}`)
  // A small group whose figure is withheld: the first manager whose organisation the API withholds.
  const viewerGet = (path) => page.evaluate(async (p) => (await fetch(p, { headers: { Authorization: sessionStorage.getItem('peakon-browse.auth') } })).json(), path)
  const managers = (await viewerGet('/api/employees/facets')).managers
  let small = null
  for (const m of managers.slice().reverse().slice(0, 60)) {
    const s = await viewerGet('/api/answers/summary?manager=' + encodeURIComponent(m.id))
    if (s.withheld && s.withheldReason) { small = m; break }
  }
  check(small !== null, `a manager's organisation the API withholds for a viewer: ${small && small.name}`)
  await page.goto(base + '/?tab=answers&manager=' + encodeURIComponent(small.id))
  await page.waitForSelector('.summary-card .summary-figure.withheld')
  const withheldText = await page.textContent('.summary-card .summary-figure.withheld')
  check(/^Withheld: .{8,}/.test(withheldText.trim()), `the viewer's summary says why it is withheld: "${withheldText.trim()}"`)
  await page.goto(base + '/?tab=orgmap')
  await page.waitForSelector('.org-label')
  await page.fill('input[name=search]', 'Person 12')
  await page.waitForSelector('.matches li')
  check(await page.$('.matches .match-email') === null && !(await page.textContent('.matches')).includes('@'),
    'a viewer\'s search results carry no e-mail')
  check(!(await page.$$eval('select[name=colour] option', (os) => os.map((o) => o.value))).includes('driver'),
    'a viewer colours the map by category group only (no driver option)')
  await page.click('.matches button:has-text("Person 12")')
  await page.waitForSelector('aside.side h3:has-text("Person 12")')
  const side = await page.textContent('aside.side')
  check(!side.includes('@') && await page.$$eval('aside.side ol.path li', (li) => li.length) > 0,
    'a viewer\'s side panel: from the map, path to the top, no e-mail')
  await page.screenshot({ path: out + '08-viewer-orgmap.png', fullPage: true })

  check(errors.length === 0, 'no JavaScript errors' + (errors.length ? ': ' + errors.join('; ') : ''))
  console.log('screenshots in', out)
} finally {
  await browser.close()
}
