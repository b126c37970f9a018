import FollowUpModel

/// The site's search: a form that works as a plain GET (the words stay in the address, so a
/// search can be linked and bookmarked), an index built at publication (`search-index.js`), and a
/// few lines of script that keep the recommendations whose key, text or addressees contain every
/// word. Chinese needs no segmentation: a word is matched as a substring, so "数字鸿沟" finds the
/// recommendations that contain it, as "digital divide" does in English.
enum SiteSearch {
    /// How many results are listed; the count says how many there are.
    static let shown = 200

    static func page(_ language: Language) -> SitePage {
        let w = { (english: String) in SitePage.w(english, language) }
        let e = SitePage.escape
        let body = """
            <h1>\(e(w("Search the recommendations")))</h1>
            <form role="search" action="search.html" method="get" id="search" data-none="\(e(w("No recommendation contains all these words.")))" data-count="\(e(w("recommendations contain these words")))" data-first="\(e(w("showing the first")))" data-shown="\(shown)">
            <label for="q">\(e(w("Words")))</label>
            <input id="q" name="q" type="search" autocomplete="off">
            <button type="submit">\(e(w("Search")))</button>
            </form>
            <noscript><p>\(e(w("Search runs in your browser and needs JavaScript. Without it, every recommendation is listed on its document's page, and all of them in"))) <a href="../data/recommendations.csv">recommendations.csv</a>.</p></noscript>
            <div id="results" aria-live="polite"></div>
            <script src="../search-index.js"></script>
            <script src="../search.js"></script>

            """
        return SitePage(path: "search.html", language: language, title: w("Search"), body: body)
    }

    /// Reads the words from the address, keeps the index entries holding all of them (case and
    /// width folded), and lists them with their text around the first word, marked.
    static let script = """
        (function () {
          'use strict';
          var form = document.getElementById('search');
          var input = document.getElementById('q');
          var out = document.getElementById('results');
          var index = window.FOLLOWUP_SEARCH_INDEX || [];
          function fold(text) { return text.normalize('NFKC').toLowerCase(); }
          var folded = index.map(function (entry) {
            return fold(entry[1] + ' ' + entry[2] + ' ' + entry[3] + ' ' + entry[4]);
          });
          function element(name, text) {
            var node = document.createElement(name);
            if (text !== undefined) node.textContent = text;
            return node;
          }
          function snippet(text, word) {
            var at = fold(text).indexOf(word);
            var p = element('p');
            if (at < 0) { p.textContent = text.length > 240 ? text.slice(0, 240) + '…' : text; return p; }
            var start = Math.max(0, at - 80);
            p.appendChild(document.createTextNode((start > 0 ? '…' : '') + text.slice(start, at)));
            p.appendChild(element('mark', text.slice(at, at + word.length)));
            var end = Math.min(text.length, at + word.length + 160);
            p.appendChild(document.createTextNode(text.slice(at + word.length, end) + (end < text.length ? '…' : '')));
            return p;
          }
          function search(query) {
            out.textContent = '';
            var words = fold(query).split(/\\s+/).filter(function (word) { return word.length > 0; });
            if (words.length === 0) return;
            var found = [];
            for (var i = 0; i < index.length; i++) {
              var text = folded[i];
              if (words.every(function (word) { return text.indexOf(word) >= 0; })) found.push(index[i]);
            }
            var shown = parseInt(form.dataset.shown, 10);
            var summary = element('p');
            summary.id = 'result-count';
            summary.textContent = found.length === 0 ? form.dataset.none
              : found.length + ' ' + form.dataset.count + (found.length > shown ? ' (' + form.dataset.first + ' ' + shown + ')' : '');
            out.appendChild(summary);
            var list = element('ol');
            list.className = 'results';
            found.slice(0, shown).forEach(function (entry) {
              var item = element('li');
              var link = element('a', entry[1]);
              link.href = 'recommendations/' + entry[0] + '.html';
              item.appendChild(link);
              item.appendChild(snippet(entry[3], words[0]));
              list.appendChild(item);
            });
            out.appendChild(list);
          }
          var query = new URLSearchParams(window.location.search).get('q') || '';
          input.value = query;
          search(query);
        })();

        """
}
