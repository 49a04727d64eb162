import type { Page } from 'playwright-core';

/** What a page does wrong on a screen, each problem naming the element (tag, test id, classes, text). */
export interface LayoutProblems {
  /** The page or a box in it scrolls sideways, or an element reaches past the window's left or right edge. */
  overflow: string[];
  /** Visible buttons, links and fields less than 44 px tall (a checkbox or radio counts its label). */
  targets: string[];
  /** Visible text, and form fields, under 14 px. */
  text: string[];
}

// Runs in the page. Kept as source text: the tests are type-checked without the DOM's types.
const CHECK = `(touch) => {
  const width = window.innerWidth;
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const name = (el) => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    const text = (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
    return el.tagName.toLowerCase() + (id ? '[data-testid=' + id + ']' : '') +
      cls.map((c) => '.' + c).join('') + (text ? ' "' + text.slice(0, 30) + '"' : '');
  };
  const overflow = [];
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > width) overflow.push('the page is ' + pageWidth + ' px wide in a ' + width + ' px window');
  const outside = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left >= -1 && r.right <= width + 1) continue;
    outside.add(el);
    // The outermost element only: its children are out because it is.
    if (el.parentElement && outside.has(el.parentElement)) continue;
    overflow.push(name(el) + ' spans ' + Math.round(r.left) + '…' + Math.round(r.right) + ' px');
  }
  // A box that scrolls sideways inside the page (a table too wide for its list, say).
  for (const el of document.body.querySelectorAll('*')) {
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    if (scrolls && el.scrollWidth > el.clientWidth + 1 && shown(el)) {
      overflow.push(name(el).slice(0, 80) + ' scrolls sideways: ' + el.scrollWidth + ' px in ' + el.clientWidth);
    }
  }
  const targets = [];
  if (touch) {
    const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
    for (const el of document.querySelectorAll(controls)) {
      if (!shown(el)) continue;
      const box = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
      const height = box.getBoundingClientRect().height;
      if (height < 44 - 0.5) targets.push(name(box) + ' is ' + Math.round(height * 10) / 10 + ' px tall');
    }
  }
  const text = [];
  const checked = new Set();
  const small = (el) => {
    if (checked.has(el)) return;
    checked.add(el);
    if (!shown(el)) return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    if (size < 14) text.push(name(el) + ' is ' + size + ' px');
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.trim() !== '' && node.parentElement) small(node.parentElement);
  }
  for (const el of document.querySelectorAll('input, select, textarea')) small(el);
  return { overflow, targets, text };
}`;

/**
 * Checks the page as it is on screen: nothing wider than the window, and with `touch` (a phone)
 * tap targets of at least 44 px and text of at least 14 px.
 */
export async function layoutProblems(page: Page, options: { touch: boolean }): Promise<LayoutProblems> {
  const problems = (await page.evaluate(`(${CHECK})(${JSON.stringify(options.touch)})`)) as LayoutProblems;
  if (!options.touch) return { overflow: problems.overflow, targets: [], text: [] };
  return problems;
}

/** The problems as lines prefixed with where they were seen, for one assertion over many pages. */
export function describeProblems(where: string, problems: LayoutProblems): string[] {
  return [
    ...problems.overflow.map((p) => `${where}: overflow: ${p}`),
    ...problems.targets.map((p) => `${where}: tap target: ${p}`),
    ...problems.text.map((p) => `${where}: small text: ${p}`),
  ];
}
