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
  await page.waitForSelector('svg.chart path')
  check(true, 'scores chart drawn')
  await page.screenshot({ path: out + '03-scores.png', fullPage: true })

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

  await page.click('[data-tab=orgmap]')
  await page.waitForSelector('.map-meta')
  await page.waitForTimeout(300)
  await page.screenshot({ path: out + '04-orgmap.png', fullPage: true })
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

  await page.selectOption('select[name=colour]', 'engagement')
  await page.click('button:has-text("Apply")')
  await page.waitForURL((u) => u.searchParams.get('colour') === 'engagement')
  await page.waitForFunction(() => !document.querySelector('.loading'))
  await page.screenshot({ path: out + '06-orgmap-engagement.png', fullPage: true })

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
  const leaver = process.env.E2E_LEFT_PERSON || 'Person 400'
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
  await page.screenshot({ path: out + '07-runs.png', fullPage: true })
  check(errors.length === 0, 'no JavaScript errors' + (errors.length ? ': ' + errors.join('; ') : ''))
  console.log('screenshots in', out)
} finally {
  await browser.close()
}
