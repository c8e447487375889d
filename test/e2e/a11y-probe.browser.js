/*
 * In-page probe of the a11y e2e flow (test/e2e/flows/a11y.flow.ts), injected with
 * page.addScriptTag as plain JS so no transpiler helper leaks into the browser.
 * window.__a11yProbe() measures what is on screen: the font size of every visible text (and of
 * every input and textarea, empty or not), the contrast of every visible text against the
 * background it is drawn on (WCAG 2 formula), and the box of every clickable element.
 * The dev-mode persona bar (.devbar) is left out: it never ships.
 */
(function () {
  var CLICKABLE =
    'button, a[href], select, taro-button-core, taro-input-core, taro-textarea-core, taro-picker-core, taro-switch-core, ' +
    'taro-checkbox-core, taro-radio-core, taro-navigator-core, [role=button], [role=switch], [role=link], [role=checkbox], ' +
    '[role=radio], [role=tab], .weui-tabbar__item, .taro-model__btn, .weui-picker__action';

  function skipped(el) {
    return !!el.closest('.devbar, script, style, noscript');
  }

  function visible(el) {
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }

  function rgba(text) {
    var m = /rgba?\(([^)]+)\)/.exec(text);
    if (!m) return [0, 0, 0, 0];
    var p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }

  /** Paint `top` (with alpha) over the opaque `under`. */
  function over(top, under) {
    var a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  }

  /** The opaque colour behind `el`: its own and its ancestors' backgrounds, composited; null over an image. */
  function backdrop(el) {
    var layers = [];
    for (var e = el; e; e = e.parentElement) {
      var cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return null;
      var c = rgba(cs.backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    var base = [255, 255, 255, 1];
    for (var i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    return base;
  }

  function luminance(c) {
    var ch = [c[0], c[1], c[2]].map(function (v) {
      var s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  }

  function contrast(el) {
    var bg = backdrop(el);
    if (!bg) return null;
    var fg = rgba(getComputedStyle(el).color);
    var alpha = fg[3];
    for (var e = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
    var seen = over([fg[0], fg[1], fg[2], alpha], bg);
    var a = luminance(seen);
    var b = luminance(bg);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  function label(el, text) {
    var t = (text || el.innerText || el.getAttribute('placeholder') || el.id || el.className || el.tagName).toString();
    return t.replace(/\s+/g, ' ').trim().slice(0, 24);
  }

  function texts() {
    var out = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var el = n.parentElement;
      var text = n.textContent.trim();
      if (!el || !text || skipped(el) || !visible(el)) continue;
      out.push({ el: el, text: text });
    }
    // Text boxes: what the villager types and the placeholder are text too, even when empty.
    document.querySelectorAll('input:not([type=hidden]), textarea').forEach(function (el) {
      if (!skipped(el) && visible(el)) out.push({ el: el, text: el.value || el.getAttribute('placeholder') || '[text box]' });
    });
    return out.map(function (t) {
      return { text: label(t.el, t.text), px: parseFloat(getComputedStyle(t.el).fontSize), ratio: contrast(t.el) };
    });
  }

  /** Elements with a React click handler (Taro H5 renders onClick on any View) or a native/ARIA control. */
  function clickable(el) {
    if (el.matches(CLICKABLE)) return true;
    var keys = Object.keys(el);
    for (var i = 0; i < keys.length; i++) {
      if (keys[i].indexOf('__reactProps$') === 0) {
        var p = el[keys[i]];
        return !!(p && (p.onClick || p.onTap || p.onLongPress));
      }
    }
    return false;
  }

  function targets() {
    var out = [];
    document.body.querySelectorAll('*').forEach(function (el) {
      if (skipped(el) || !clickable(el) || !visible(el)) return;
      // A native input inside Taro's taro-input-core: the wrapper is the box the finger hits.
      if (/^(INPUT|TEXTAREA)$/.test(el.tagName) && el.parentElement && el.parentElement.closest('taro-input-core, taro-textarea-core')) return;
      var r = el.getBoundingClientRect();
      out.push({ label: label(el), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 });
    });
    return out;
  }

  window.__a11yProbe = function () {
    var page = Array.prototype.find.call(document.querySelectorAll('.page'), visible);
    return {
      bodyPx: page ? parseFloat(getComputedStyle(page).fontSize) : 0,
      texts: texts(),
      targets: targets(),
    };
  };
})();
