/* voisinage: keep the first view light on prepaid data.
 * Material fetches the search index on every page load, and the sitemap of every other language
 * to keep the switcher on the same page. Our switcher links already lead to the same page, so the
 * sitemaps are never fetched, and the search index only when the reader opens the search. */
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var waiting = [], searchOpened = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__voisinageUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var url = this.__voisinageUrl || "", request = this;
    if (/\/sitemap\.xml$/.test(url)) {
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); });
      return;
    }
    if (!searchOpened && /\/search\/search_index\.json$/.test(url)) {
      waiting.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };
  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    waiting.splice(0).forEach(function (w) { send.apply(w[0], w[1]); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("__search");
    if (toggle) toggle.addEventListener("change", openSearch);
    document.addEventListener("focusin", function (e) {
      if (e.target && e.target.matches && e.target.matches(".md-search__input")) openSearch();
    });
  });
})();

/* Offline: register the service worker at the site root, and ask it to keep this territory, or
 * the pages a mission page names (itself, its featured services, its territory). */
(function () {
  if (!("serviceWorker" in navigator)) return;
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector('meta[name="voisinage:root"]');
    var territory = document.querySelector('meta[name="voisinage:territory"]');
    var keep = document.querySelector('meta[name="voisinage:keep"]');
    if (!root) return;
    var rootUrl = new URL(root.content, location.href).href;
    navigator.serviceWorker.register(rootUrl + "sw.js", {scope: rootUrl}).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (!(territory || keep) || !registration.active) return;
      var assets = Array.prototype.map.call(
        document.querySelectorAll('link[rel="stylesheet"][href], script[src]'),
        function (el) { return new URL(el.getAttribute("href") || el.getAttribute("src"), location.href).href; });
      if (keep) {
        var urls = keep.content.split(" ").map(function (u) { return new URL(u, location.href).href; });
        registration.active.postMessage({type: "keep", urls: urls, assets: assets});
      } else {
        registration.active.postMessage({type: "territory", url: new URL(territory.content, location.href).href, assets: assets});
      }
    }).catch(function () {});
  });
})();

/* At the door and at the counter. Progressive enhancement: without JavaScript, or without the
 * phone's share sheet or clipboard, the buttons stay hidden and the page works as it is.
 * - Share: the phone's own share sheet (Web Share API), else copy the link; no third party.
 * - Counter box: shown alone on the screen in larger type, to hold up to the staff. */
(function () {
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  document.addEventListener("DOMContentLoaded", function () {
    each(".v-share", function (box) {
      var button = box.querySelector("button"), status = box.querySelector("[role=status]");
      var url = location.href.split("#")[0];
      var title = button.getAttribute("data-title") || document.title;
      if (navigator.share) {
        button.textContent = button.getAttribute("data-share");
        button.addEventListener("click", function () {
          navigator.share({title: title, url: url}).catch(function () {});
        });
      } else if (navigator.clipboard && window.isSecureContext) {
        button.textContent = button.getAttribute("data-copy");
        button.addEventListener("click", function () {
          navigator.clipboard.writeText(url).then(function () {
            status.textContent = button.getAttribute("data-copied");
          }, function () {});
        });
      } else {
        return;
      }
      box.hidden = false;
    });
    each(".v-counter .v-enlarge", function (button) {
      var box = button.closest(".v-counter"), label = button.textContent;
      function show(large) {
        box.classList.toggle("v-counter--large", large);
        document.documentElement.classList.toggle("v-counter-open", large);
        button.textContent = large ? button.getAttribute("data-close") : label;
        if (large) box.scrollTop = 0; else box.scrollIntoView({block: "start"});
        button.focus();
      }
      button.addEventListener("click", function () { show(!box.classList.contains("v-counter--large")); });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && box.classList.contains("v-counter--large")) show(false);
      });
      button.hidden = false;
    });
  });
})();

/* Open now: the build wrote the coming weeks' open intervals (public holidays and temporary
 * closures taken out), each day's midnight, and every word and time in the reader's language
 * and clock; this picks the line for the phone's clock. Past those weeks, or without
 * JavaScript, the line stays hidden and the table of hours says it all. */
(function () {
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function state(data, now) {
    var t = Math.floor((now - data.base) / 60000), days = data.days, open = data.open, words = data.words;
    if (t < days[0] || t >= days[days.length - 1]) return null;
    function dayOf(m) { var i = 0; while (i + 1 < days.length && days[i + 1] <= m) i++; return i; }
    function clock(m) { return data.clock[m - days[dayOf(m)]] || ""; }
    var today = dayOf(t), notes = [];
    if (data.holidays[today] !== undefined) notes.push(fill(words.public_holiday_today, {holiday: data.holidays[today]}));
    if (data.closed && today >= data.closed[0] && today <= data.closed[1]) notes.push(words.closed_temporarily_now);
    for (var i = 0; i < open.length; i++) {
      if (open[i][0] <= t && t < open[i][1]) {
        return {open: true, head: words.open_now, rest: fill(words.closes_at, {time: clock(open[i][1])}), notes: notes};
      }
      if (open[i][0] > t) {
        var day = dayOf(open[i][0]), ahead = day - today, time = clock(open[i][0]), rest;
        if (ahead === 0) rest = fill(words.opens_today, {time: time});
        else if (ahead === 1) rest = fill(words.opens_tomorrow, {time: time});
        else rest = fill(words.opens_on, {day: ahead >= 7 && data.far[day] ? data.far[day] : data.names[(data.first + day) % 7], time: time});
        return {open: false, head: words.closed_now, rest: rest, notes: notes};
      }
    }
    return {open: false, head: words.closed_now, rest: "", notes: notes};
  }
  function show(line) {
    var data;
    try { data = JSON.parse(line.getAttribute("data-hours")); } catch (e) { return; }
    var now = state(data, Date.now());
    if (!now) { line.hidden = true; return; }
    line.textContent = "";
    var head = document.createElement("strong");
    head.textContent = now.head;
    line.appendChild(head);
    if (now.rest) line.appendChild(document.createTextNode(" · " + now.rest));
    now.notes.forEach(function (note) {
      var extra = document.createElement("span");
      extra.className = "v-open-note";
      extra.textContent = note;
      line.appendChild(extra);
    });
    line.className = "v-open-now " + (now.open ? "v-is-open" : "v-is-closed");
    line.hidden = false;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var lines = document.querySelectorAll(".v-open-now[data-hours]");
    Array.prototype.forEach.call(lines, show);
    if (lines.length) setInterval(function () { Array.prototype.forEach.call(lines, show); }, 60000);
  });
})();

/* Search finds what residents type: each word of the query is sent with its other forms (Arabic
 * without its article or with plain letters, Latin without accents, the word after an elision),
 * the same rules the build used for the index's hidden "words" field (frontends/mkdocs/search.py,
 * `forms`). Material's search worker receives the query in a message of type 2 (QUERY). */
(function () {
  var TASHKEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, ARABIC = /[\u0600-\u06ff]/;
  var ARTICLES = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644"];
  var APOSTROPHES = /['\u2019\u02bc]/, LATIN = /^[\u0000-\u024f\u1e00-\u1eff]+$/;
  function forms(word) {
    word = word.toLowerCase();
    var found = [], parts = [word];
    function add(form) { if (form.length >= 2 && form !== word && found.indexOf(form) < 0) found.push(form); }
    if (APOSTROPHES.test(word)) { var pieces = word.split(APOSTROPHES); parts.push(pieces[pieces.length - 1]); }
    parts.forEach(function (part) {
      add(part);
      if (ARABIC.test(part)) {
        var bare = part.replace(TASHKEEL, "").replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
          .replace(/\u0649/g, "\u064a").replace(/\u0629/g, "\u0647").replace(/\u0624/g, "\u0648").replace(/\u0626/g, "\u064a");
        for (var i = 0; i < ARTICLES.length; i++) {
          if (bare.indexOf(ARTICLES[i]) === 0 && bare.length - ARTICLES[i].length >= 2) { bare = bare.slice(ARTICLES[i].length); break; }
        }
        add(bare);
      } else if (LATIN.test(part)) {
        add(part.replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae").normalize("NFKD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, ""));
      }
    });
    return found;
  }
  window.voisinageForms = forms;
  if (!window.Worker) return;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      var words = message.data.split(/\s+/), more = [];
      words.forEach(function (w) { forms(w.replace(/^[+\-]/, "")).forEach(function (f) { if (words.indexOf(f) < 0 && more.indexOf(f) < 0) more.push(f); }); });
      if (more.length) arguments[0] = {type: 2, data: message.data + " " + more.join(" ")};
    }
    return post.apply(this, arguments);
  };
})();
/* Figures that expire: a page built (or kept offline) before a service's valid_until still says,
 * once that day has passed, that its figures no longer hold. Built after it, the notice is shown
 * without JavaScript. */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var now = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    document.querySelectorAll("[data-valid-until]").forEach(function (el) {
      if (el.getAttribute("data-valid-until") < today) el.hidden = false;
    });
  });
})();
