/* Konexio: the course finder's filters, the share buttons and the print button.
   The page works without this script: every group is a link, the filters are links
   to the pages of each place and course, and the browser can print. */
(function () {
  "use strict";

  function setupFinder(form) {
    var list = document.querySelector("[data-kx-results]");
    if (!list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".kx-card"));
    var count = form.querySelector("[data-kx-count]");
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || !params.has(field.name)) return;
      if (field.type === "checkbox") field.checked = params.get(field.name) === "1";
      else field.value = params.get(field.name);
    });

    function apply() {
      var wanted = {
        antenna: form.elements.antenna.value,
        program: form.elements.program.value,
        level: form.elements.level.value,
        time: form.elements.time.value
      };
      var all = form.elements.all.checked;
      var shown = 0;
      cards.forEach(function (card) {
        var ok = (all || card.dataset.status === "open") &&
          (!wanted.antenna || card.dataset.antenna === wanted.antenna) &&
          (!wanted.program || card.dataset.program === wanted.program) &&
          (!wanted.level || card.dataset.level === wanted.level) &&
          (!wanted.time || card.dataset.time.split(" ").indexOf(wanted.time) >= 0);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      // "N groups" in the page's language and plural form: the build writes the text of
      // every count the page can show (data-count-N, from the catalog), so no plural rule
      // is needed here.
      count.textContent = shown === 0 ? count.dataset.none :
        count.getAttribute("data-count-" + shown) || String(shown);
      var query = new URLSearchParams();
      Object.keys(wanted).forEach(function (key) { if (wanted[key]) query.set(key, wanted[key]); });
      if (all) query.set("all", "1");
      showNearest(shown === 0 ? wanted : null, all);
      var search = query.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }

    // No group fits: the nearest ones, each loosening one choice (another time, another
    // place, then the next group of the same level or course), and a mail to the chosen
    // place's team asking to be told when a group opens.
    var nearest = document.querySelector("[data-kx-nearest]");
    function showNearest(wanted, all) {
      if (!nearest) return;
      var list = nearest.querySelector("[data-kx-nearest-list]");
      list.textContent = "";
      nearest.hidden = !wanted;
      if (!wanted) return;
      function fits(card, keys) {
        return (all || card.dataset.status === "open") && keys.every(function (key) {
          if (!wanted[key]) return true;
          if (key === "time") return card.dataset.time.split(" ").indexOf(wanted.time) >= 0;
          return card.dataset[key] === wanted[key];
        });
      }
      var steps = [];
      if (wanted.time) steps.push([["antenna", "program", "level"], nearest.dataset.otherTime]);
      if (wanted.antenna) steps.push([["program", "level", "time"], nearest.dataset.otherPlace]);
      if (wanted.level || wanted.program) {
        steps.push([wanted.level ? ["level"] : ["program"], nearest.dataset.nextLevel]);
      }
      var chosen = [];
      steps.forEach(function (step) {
        var found = cards.filter(function (card) {
          return chosen.indexOf(card) < 0 && fits(card, step[0]);
        })[0];
        if (!found) return;
        chosen.push(found);
        var copy = found.cloneNode(true);
        copy.hidden = false;
        var why = document.createElement("p");
        why.className = "kx-card__why";
        why.textContent = step[1];
        copy.insertBefore(why, copy.firstChild);
        list.appendChild(copy);
      });
      var notify = nearest.querySelector("[data-kx-notify]");
      var place = form.elements.antenna.selectedOptions[0];
      notify.hidden = !wanted.antenna;
      if (wanted.antenna) {
        var what = [form.elements.level, form.elements.program, form.elements.antenna]
          .filter(function (field) { return field.value; })
          .map(function (field) { return field.selectedOptions[0].textContent; });
        var subject = notify.dataset.subject.replace("{group}", what.join(" · "));
        notify.href = "mailto:" + place.dataset.email + "?subject=" +
          encodeURIComponent(subject) + "&body=" + encodeURIComponent(subject);
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  // Share: the phone's own share sheet where the browser has one, and a copy button where
  // it may write to the clipboard; the plain links (WhatsApp, SMS...) stay beside them.
  function setupShare(box) {
    var native = box.querySelector("[data-kx-share-native]");
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: box.dataset.title, text: box.dataset.text,
                          url: box.dataset.url }).catch(function () {});
      });
    }
    var copy = box.querySelector("[data-kx-copy]");
    var status = box.querySelector("[data-kx-copy-status]");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(box.dataset.url).then(function () {
          status.textContent = box.dataset.copied;
        }, function () {});
      });
    }
  }

  // Apply / refer: the French message (pages/ready_message.py) composed from the reader's
  // choices, shown and put into the mail, SMS and WhatsApp links. Nothing is sent or kept:
  // the links open the reader's own apps; no request, no storage.
  function setupApply(box) {
    var data = JSON.parse(box.dataset.kxMessage);
    var text = box.querySelector("[data-kx-apply-text]");
    var fields = box.querySelectorAll("[data-kx-apply-field]");
    var encode = encodeURIComponent;
    function compose() {
      var chosen = box.querySelector("[data-kx-apply-for]:checked");
      var lines = [chosen && chosen.value === "someone" ? data.for_someone : data.for_me];
      lines = lines.concat(data.details);
      Array.prototype.forEach.call(fields, function (field) {
        var key = field.dataset.kxApplyField, value = field.value.trim();
        if (value) lines.push(data.lines[key].replace("%(" + key + ")s", value));
      });
      return lines.concat([data.page, data.thanks]).join("\n");
    }
    function update() {
      var message = compose(), body = encode(message);
      var hrefs = { email: "mailto:" + data.email + "?subject=" + encode(data.subject) +
                           "&body=" + body,
                    sms: data.sms && "sms:" + data.sms + "?&body=" + body,
                    whatsapp: data.whatsapp &&
                              "https://wa.me/" + data.whatsapp.slice(1) + "?text=" + body };
      text.textContent = message;
      Array.prototype.forEach.call(box.querySelectorAll("[data-kx-apply-via]"), function (a) {
        a.href = hrefs[a.dataset.kxApplyVia];
      });
    }
    Array.prototype.forEach.call(box.querySelectorAll("[data-kx-apply-form]"), function (part) {
      part.hidden = false;
    });
    box.addEventListener("input", update);
    box.addEventListener("change", update);
    update();
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kx-share]"), setupShare);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kx-apply]"), setupApply);
    var form = document.querySelector("[data-kx-finder]");
    if (form) setupFinder(form);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kx-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
