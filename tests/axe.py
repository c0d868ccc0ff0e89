"""axe-core in a Playwright page, with an Arabic-safe colour-contrast rule.

axe's stock `color-contrast` rule skips much Arabic text: its matcher takes
joined Arabic letters for an icon-font ligature. The rule configured here
runs the same `color-contrast` check with a matcher of its own: every
element with text of its own (and every form field), whatever its script.
It replaces the stock rule, which would only measure part of the same text
again (a fifth of axe's time on this site).
"""

from __future__ import annotations

from helpers import REPO

AXE_SOURCE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CONFIGURE = """
axe.configure({
  rules: [{
    id: "hub-arabic-safe-color-contrast",
    selector: "body *",
    excludeHidden: true,
    matches: node => node.matches("input, select, textarea")
      || Array.from(node.childNodes).some(child => child.nodeType === Node.TEXT_NODE && child.data.trim() !== ""),
    impact: "serious",
    tags: ["hub"],
    metadata: {
      description: "Text (including joined Arabic letters) has enough contrast",
      help: "Elements must meet minimum color contrast ratio thresholds"
    },
    all: [],
    any: ["color-contrast"],
    none: []
  }]
});
"""

RUN = """
async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "hub"]},
    resultTypes: ["violations"],
    rules: {"color-contrast": {enabled: false}}
  });
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
}
"""


def violations(page) -> list[dict]:
    """Serious and critical violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, not added as a
        # <script>: the page's Content-Security-Policy stays in force.
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + "\n;0")
        page.evaluate(CONFIGURE)
    return page.evaluate(RUN)
