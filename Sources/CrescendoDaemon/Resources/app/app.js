// Crescendo's web app: small, plain and progressive. Every page works without it; with it,
// the invite link signs in without keeping the token in the address bar, and the record form
// keeps working offline: entries wait in IndexedDB, each with its own Idempotency-Key made
// once when it was queued, and are sent (POST /api/entries) on load, on `online` and on a
// timer while any wait. The server records each key once, however often it is resent.
(function () {
  "use strict";
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ""; };
  var words = {};
  try { words = JSON.parse(meta("app-words") || "{}"); } catch (e) { words = {}; }

  // The invite link: /app/login#token=... (a fragment never reaches the server or its logs).
  var loginForm = document.querySelector('form[action="/app/login"]');
  if (loginForm && location.hash.indexOf("#token=") === 0) {
    var token = decodeURIComponent(location.hash.slice(7));
    history.replaceState(null, "", location.pathname + location.search);
    loginForm.elements.token.value = token;
    loginForm.submit();
    return;
  }

  var form = document.getElementById("record-form");
  if (!form) { return; }
  if ("serviceWorker" in navigator) { navigator.serviceWorker.register("/app/sw.js", { scope: "/app/" }).catch(function () {}); }

  var status = document.getElementById("queue-status");
  var offlineNote = document.getElementById("offline-note");
  var fields = ["kind", "quantity", "area", "demand", "care", "cause", "change"];

  function openDB() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open("crescendo-app", 1);
      req.onupgradeneeded = function () { req.result.createObjectStore("queue", { keyPath: "key" }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function tx(mode, work) {
    return openDB().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction("queue", mode), store = t.objectStore("queue"), out = work(store);
        t.oncomplete = function () { db.close(); resolve(out && out.result !== undefined ? out.result : out); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }
  var all = function () { return tx("readonly", function (s) { return s.getAll(); }); };
  var put = function (item) { return tx("readwrite", function (s) { s.put(item); }); };
  var drop = function (key) { return tx("readwrite", function (s) { s["delete"](key); }); };

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }

  function show(count, note) {
    if (offlineNote) { offlineNote.hidden = navigator.onLine; }
    var text = count === 0 ? "" : count === 1 ? words.waiting_one : (words.waiting_many || "{n}").replace("{n}", count);
    status.textContent = note ? note + (text ? " " + text : "") : text;
  }

  var sending = false, timer = null;
  // Sends every waiting entry in the order it was queued; stops at the first that cannot go.
  // Resolves with the reply of `wanted` (a key), if it was sent.
  function flush(wanted) {
    if (sending) { return Promise.resolve(null); }
    sending = true;
    var reply = null;
    return all().then(function (items) {
      items.sort(function (a, b) { return a.queuedAt - b.queuedAt; });
      var chain = Promise.resolve(true);
      items.forEach(function (item) {
        chain = chain.then(function (go) {
          if (!go) { return false; }
          return fetch("/api/entries", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "Idempotency-Key": item.key, "X-CSRF-Token": meta("csrf-token") },
            body: JSON.stringify(item.body)
          }).then(function (r) {
            if (r.status === 201) {
              return r.json().then(function (j) { if (item.key === wanted) { reply = j; } return drop(item.key); }).then(function () { return true; });
            }
            if (r.status === 422 || r.status === 400 || r.status === 413) {
              // Refused for its content: it will never go; the form shows why when it is this one.
              if (item.key === wanted) { reply = { refused: true }; }
              return drop(item.key).then(function () { return true; });
            }
            return false; // 401/403 (signed out), 409 (busy), 5xx: keep it for later
          }, function () { return false; });
        });
      });
      return chain;
    }).then(function () { sending = false; return refresh().then(function () { return reply; }); },
            function () { sending = false; return reply; });
  }

  function refresh(note) {
    return all().then(function (items) {
      show(items.length, note);
      if (items.length && !timer) { timer = setInterval(function () { flush(); }, 5000); }
      if (!items.length && timer) { clearInterval(timer); timer = null; }
    });
  }

  form.addEventListener("submit", function (event) {
    if (!window.indexedDB || !window.fetch) { return; } // the plain POST
    event.preventDefault();
    var body = {};
    fields.forEach(function (f) { var el = form.elements[f]; if (el && el.value.trim() !== "") { body[f] = el.value; } });
    var item = { key: newKey(), body: body, queuedAt: Date.now() };
    put(item).then(function () { return flush(item.key); }).then(function (reply) {
      if (reply && reply.entries && reply.entries.length) {
        location.assign("/app/receipt/" + reply.entries[0].seq);
      } else if (reply && reply.refused) {
        form.submit(); // the server shows the form with the field marked
      } else {
        ["care", "cause", "change"].forEach(function (f) { if (form.elements[f]) { form.elements[f].value = ""; } });
        return refresh(words.queued);
      }
    }, function () { form.submit(); });
  });

  window.addEventListener("online", function () { flush(); });
  window.addEventListener("offline", function () { refresh(); });
  flush();
})();
