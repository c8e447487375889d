/*
 * In-page probe of the screenshot pass (test/e2e/screens.ts), plain JS injected with
 * page.addScriptTag. window.__screenProbe() looks at the page on screen (the visible `.page`;
 * Taro H5 keeps visited pages in the DOM, hidden) and returns:
 *  - overflow: visible elements reaching past the window's left or right edge (cut text, a
 *    layout wider than the phone), unless a scroll container of their own holds them;
 *  - spilled: text taller than its box (text boxes, pickers, buttons, chips, badges);
 *  - rawDates: dates a person should never read — 2027-01-08, 2027/1/8, 1/8/2027, ISO instants
 *    (the app writes 2027年1月8日（星期五）, src/domain/date-words.ts);
 *  - errors: error boxes on screen (a page photographed in its error state is not a page);
 *  - widthPx: the page's own width (the committee console caps it on a PC).
 * The dev-mode persona bar (.devbar) is left out: it never ships.
 */
(function () {
  var RAW_DATES = [
    /\b(19|20)\d{2}-\d{1,2}-\d{1,2}\b/g,
    /\b(19|20)\d{2}\/\d{1,2}\/\d{1,2}\b/g,
    /\b\d{1,2}\/\d{1,2}\/(19|20)\d{2}\b/g,
    /\d{2}T\d{2}:\d{2}/g,
    /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g,
  ];

  function visible(el) {
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }

  function label(el) {
    return ((el.innerText || el.id || el.className || el.tagName) + '').replace(/\s+/g, ' ').trim().slice(0, 30);
  }

  /** A box the element may legitimately overflow into: an ancestor (inside the page) that scrolls or clips sideways. */
  function heldBy(el, page) {
    for (var e = el.parentElement; e && e !== page; e = e.parentElement) {
      var ox = getComputedStyle(e).overflowX;
      if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') {
        var r = e.getBoundingClientRect();
        // The holder itself must fit the window, or it is the holder that overflows.
        return r.left >= -1 && r.right <= document.documentElement.clientWidth + 1;
      }
    }
    return false;
  }

  window.__screenProbe = function () {
    var page = Array.prototype.find.call(document.querySelectorAll('.page'), visible);
    if (!page) return { overflow: ['no visible .page'], spilled: [], rawDates: [], errors: [], widthPx: 0 };
    var vw = document.documentElement.clientWidth;
    var overflow = [];
    page.querySelectorAll('*').forEach(function (el) {
      if (el.closest('.devbar') || !visible(el)) return;
      var r = el.getBoundingClientRect();
      if ((r.right > vw + 1 || r.left < -1) && !heldBy(el, page)) overflow.push(label(el) + ' [' + Math.round(r.left) + '…' + Math.round(r.right) + ' px]');
    });
    // Boxes with a set height (text boxes, pickers, buttons, chips, badges): text spilling out of
    // one runs over what is above or below it (a placeholder too long for a 关怀模式 box).
    var spilled = [];
    page.querySelectorAll('.input, .btn, .chip, .badge, taro-button-core').forEach(function (el) {
      if (el.closest('.devbar') || !visible(el)) return;
      var cs = getComputedStyle(el);
      if (cs.overflowY !== 'visible' && cs.overflowY !== 'clip') return;
      if (el.scrollHeight > el.clientHeight + 2) spilled.push(label(el) + ' [text ' + el.scrollHeight + ' px in a ' + el.clientHeight + ' px box]');
    });
    var text = page.innerText;
    var rawDates = [];
    RAW_DATES.forEach(function (re) {
      var m = text.match(re);
      if (m) rawDates = rawDates.concat(m);
    });
    var errors = Array.prototype.filter.call(page.querySelectorAll('[data-testid=error]'), visible).map(label);
    return { overflow: overflow.slice(0, 8), spilled: spilled.slice(0, 8), rawDates: rawDates.slice(0, 8), errors: errors, widthPx: page.getBoundingClientRect().width };
  };
})();
