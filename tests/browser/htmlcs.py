"""The second accessibility engine: HTML_CodeSniffer (npm `html_codesniffer`), WCAG2AA
errors, run in the same page visit as axe-core (see the `axe` fixture in conftest.py).

Its false positives are listed here, and only here, each with the reason it is one. A
message is left out only when its code matches and the element it points at matches the
selector; everything else HTML_CodeSniffer calls an error fails the test.

The crash. HTML_CodeSniffer 2.5.1's autocomplete sniff (WCAG 1.3.5, checkControlGroups) asks
for messages named "1_3_5_H98.InvalidAutoComplete_<Group>" while its translation tables call
them "1_3_5_H98.InvalidAutocomplete_<Group>" (lower-case c). On the first field whose token
it thinks belongs to another control group (the login page's e-mail field with
autocomplete="username", the address step's fields) getTranslation() returns undefined, the
sniff throws "Cannot read properties of undefined (reading 'replace')" and the whole run of
that page ends without a result. The harness copies every "InvalidAutocomplete_" text to the
"InvalidAutoComplete_" name in each language table before it runs, so the sniff reports its
message instead of crashing; what it then reports is judged like any other message (the one
it raises here is a false positive, listed below).
"""

# (message code, CSS selector of the element, why this is not an error)
FALSE_POSITIVES = [
    ("WCAG2AA.Principle1.Guideline1_3.1_3_5.H98",
     "input[type=email][autocomplete~=username], input[type=email][autocomplete~=email]",
     "HTML_CodeSniffer checks autocomplete tokens against the HTML 5.2 control groups, in "
     "which 'username' is a Text token and <input type=email> is not a text control. The "
     "HTML Living Standard puts 'username' and 'email' in control groups that include "
     "type=email, and browsers and password managers fill them there: the login and "
     "password pages ask for an e-mail address that is the username."),
    ("WCAG2AA.Principle1.Guideline1_3.1_3_5.H98",
     "input[type=url][autocomplete~=url]",
     "HTML_CodeSniffer's list of controls for the Url token leaves out <input type=url> "
     "itself (it accepts hidden, text, search and email), so the website field of the "
     "organisation and the sign-up, type=url with autocomplete=url as the HTML standard "
     "describes it, is reported."),
]

FIX_THE_CRASH = """() => {
  for (const table of Object.values(window.translation || {})) {
    for (const key of Object.keys(table)) {
      if (key.startsWith('1_3_5_H98.InvalidAutocomplete_')) {
        const name = key.replace('InvalidAutocomplete_', 'InvalidAutoComplete_');
        if (!(name in table)) table[name] = table[key];
      }
    }
  }
}"""

RUN = """async (falsePositives) => new Promise((resolve) => {
  const describe = (e) => !e || !e.tagName ? String(e && e.nodeName) :
    e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\\s+/).join('.') : '');
  const known = (m) => falsePositives.some(([code, selector]) =>
    m.code === code && m.element && m.element.matches && m.element.matches(selector));
  try {
    HTMLCS.process('WCAG2AA', document, () => {
      const errors = HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR);
      resolve({
        errors: errors.filter(m => !known(m))
          .map(m => ({code: m.code, msg: m.msg, node: describe(m.element)})),
        forgiven: errors.filter(known).length,
      });
    }, (error) => resolve({crash: String(error)}), 'en');
  } catch (error) {
    resolve({crash: String(error)});
  }
})"""


def run(page, source: str) -> dict:
    """HTML_CodeSniffer's WCAG2AA errors on the page as it is now: {"errors": [...],
    "forgiven": n} (n false positives left out), or {"crash": message}."""
    if not page.evaluate("() => typeof window.HTMLCS === 'object'"):
        page.evaluate("source => { (0, eval)(source); }", source)
        page.evaluate(FIX_THE_CRASH)
    return page.evaluate(RUN, [[code, selector] for code, selector, _why in FALSE_POSITIVES])
