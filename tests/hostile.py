"""A corpus of hostile contributions, assembled for this project's tests.

Each payload tries to make a reader's browser run script (every one ends in
`alert(...)` or `confirm(...)`, which the browser tests count), to load
something from elsewhere, or to make the check hang or crash. The classes
follow the ways such filters are known to fail: tags and attributes, tags
split over lines, attributes added by Markdown's attr_list without any `<`,
fake code fences, entity-encoded, split and control-character schemes,
parser confusion (mutation XSS) and Markdown's own link syntaxes.
"""

from __future__ import annotations

# HTML an attacker writes straight into the Markdown body.
TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(2)</SCRIPT>",
    '<script src="data:text/javascript,alert(3)"></script>',
    "<scr<script>ipt>alert(4)</scr</script>ipt>",
    "<img src=x onerror=alert(5)>",
    "<img/src=x/onerror=alert(6)>",
    "<img src=x onerror=`alert(7)`>",
    '<img src="x" onerror="&#97;lert(8)">',
    "<img src onerror=alert(9)>",
    "<image src=x onerror=alert(10)>",
    "<svg onload=alert(11)>",
    "<svg/onload=alert(12)>",
    '<svg><animate onbegin="alert(13)" attributeName="x" dur="1s"></animate></svg>',
    '<svg><a href="javascript:alert(14)"><text x=20 y=20>x</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(15)">x</mi></math>',
    '<iframe src="javascript:alert(16)"></iframe>',
    '<iframe srcdoc="<script>alert(17)</script>"></iframe>',
    '<object data="javascript:alert(18)"></object>',
    '<embed src="javascript:alert(19)">',
    '<video><source onerror="alert(20)"></video>',
    "<audio src=x onerror=alert(21)></audio>",
    "<body onload=alert(22)>",
    "<input autofocus onfocus=alert(23)>",
    "<details open ontoggle=alert(24)><summary>x</summary></details>",
    "<marquee onstart=alert(25)>x</marquee>",
    "<select autofocus onfocus=alert(26)></select>",
    "<textarea autofocus onfocus=alert(27)></textarea>",
    '<form action="javascript:alert(28)"><button>Send</button></form>',
    '<button formaction="javascript:alert(29)">x</button>',
    '<a href="javascript:alert(30)">link</a>',
    "<a href=javascript:alert(31)>link</a>",
    '<a href="JaVaScRiPt:alert(32)">link</a>',
    '<a href="jav&#x61;script:alert(33)">link</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(34)">link</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(35)">link</a>',
    '<a href="java&#x09;script:alert(36)">link</a>',
    '<a href="java&Tab;script:alert(37)">link</a>',
    '<a href="javascript&colon;alert(38)">link</a>',
    '<a href=" &#14; javascript:alert(39)">link</a>',
    '<a href="vbscript:alert(40)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg0MSk8L3NjcmlwdD4=">link</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(42)">',
    '<base href="javascript:alert(43)//">',
    '<link rel="stylesheet" href="https://invalid.invalid/x.css">',
    "<style>@import 'https://invalid.invalid/x.css';</style>",
    '<div style="background:url(javascript:alert(46))">x</div>',
    '<p style="x:expression(alert(47))">x</p>',
    '<noscript><p title="</noscript><img src=x onerror=alert(48)>"></noscript>',
    "<svg><style><img src=x onerror=alert(49)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(50)></style></mglyph></table></mtext></math>",
    "<!--><img src=x onerror=alert(51)>-->",
    "<![CDATA[><img src=x onerror=alert(52)>]]>",
    "<template><img src=x onerror=alert(53)></template>",
    "<dialog open><button autofocus onfocus=alert(54)>x</button></dialog>",
    '<img srcset="x 1x" onerror="alert(55)">',
    '<img src="x:alert(alt)" onerror="eval(src)" alt="0">',
    "<xss onafterscriptexecute=alert(57)>x</xss>",
    '<div onpointerover="alert(58)">hover me</div>',
    '<p tabindex="1" autofocus onfocusin="alert(59)">x</p>',
    '<a href="https://example.org/" onmouseover="alert(60)">a real link</a>',
    '<img src="https://invalid.invalid/pixel.png" alt="tracker">',
    '<iframe src="https://invalid.invalid/"></iframe>',
    '<object type="text/x-scriptlet" data="https://invalid.invalid/x.sct"></object>',
    "<isindex type=image src=1 onerror=alert(64)>",
    '<a href="javascript:alert(65)"><img src=x></a>',
]

# Tags split over lines, so that no single line holds the whole tag.
SPLIT = [
    "<img src=x\nonerror=alert(101)>",
    "<details open\nontoggle=alert(102)>\n<summary>x</summary>\n</details>",
    "<input autofocus\nonfocus=alert(103)>",
    "<svg\nonload=alert(104)>",
    '<a href="javascript:\nalert(105)">x</a>',
    '<a\nhref="javascript:alert(106)">x</a>',
    "<scr\nipt>alert(107)</script>",
    "<img\nsrc=x\nonerror\n=\nalert(108)>",
]

# Markdown's attr_list adds attributes without any `<`.
ATTR_LIST = [
    '![x](https://invalid.invalid/x.png){: onerror="alert(201)" }',
    'Paragraph\n{: tabindex="0" autofocus onfocus="alert(202)" }',
    "Click me\n{: onclick=alert(203) }",
    "### Heading {: onmouseover=alert(204) }",
    '[a link](https://example.org/){: onclick="alert(205)" }',
    "- item\n{: onfocus=alert(206) tabindex=0 autofocus }",
    'Text\n{: style="background:url(javascript:alert(207))" }',
    "Text\n{: #__md_scope }",
    "> quote\n{: onclick=alert(209) }",
    "*emphasis*{: onmouseover=alert(210) }",
]

# Lines that start like a code fence but are not one, hiding what follows
# from any scanner that toggles on them.
FAKE_FENCES = [
    "```not a fence\n<script>alert(301)</script>",
    '``` x\n<meta http-equiv="refresh" content="0;url=https://invalid.invalid/">',
    "~~~ fake\n<img src=x onerror=alert(303)>",
    "```\n```\n<svg onload=alert(304)>",
    '    ```\n<iframe src="javascript:alert(305)"></iframe>',
    "```{.python onclick=alert(306)}\nprint(1)\n```",
]

# Markdown's own ways of writing a link or an image.
MARKDOWN_LINKS = [
    "[x](javascript:alert(401))",
    "[x](JAVASCRIPT:alert(402))",
    "[x](javascript&#58;alert(403))",
    "[x](<javascript:alert(404)>)",
    "![x](javascript:alert(405))",
    "[x][evil]\n\n[evil]: javascript:alert(406)",
    "<javascript:alert(407)>",
    "[x](data:text/html,<script>alert(408)</script>)",
    "[x](vbscript:alert(409))",
    "[x](java\tscript:alert(410))",
    "[x]( javascript:alert(411))",
    "[x](&#x6A;avascript:alert(412))",
    "![x](https://invalid.invalid/tracker.gif)",
    "[x](javascript://%0aalert(414))",
    "[x](\\u006aavascript:alert(415))",
    "[x](\x01javascript:alert(416))",
    "<data:text/html,alert(417)>",
    "[![x](https://invalid.invalid/i.png)](javascript:alert(418))",
    "!!! danger onclick\n    Admonition with an unknown type",
    "???+ note\n    <img src=x onerror=alert(420)>",
]

# A name in another language may be marked <span lang="fr" dir="ltr">: only
# those two attributes, and only a language code and a direction.
FOREIGN_NAMES = [
    '<span lang="fr" dir="ltr">Les Elegides</span>',
    '<span lang="fr" onclick="alert(601)">Les Elegides</span>',
    '<span lang="fr" style="position:fixed;inset:0">x</span>',
    '<span lang="fr" class="md-button">x</span>',
    '<span lang="javascript:alert(604)">x</span>',
    '<span lang="fr" dir="javascript">x</span>',
    '<span lang="fr">Les <script>alert(606)</script>Elegides</span>',
    '<span lang="fr" title="x" tabindex="0">x</span>',
    "*Les Elegides*{: lang=fr onmouseover=alert(608) }",
]

BODY_CLASSES = {
    "tag": TAGS,
    "split-tag": SPLIT,
    "attr-list": ATTR_LIST,
    "fake-fence": FAKE_FENCES,
    "markdown-link": MARKDOWN_LINKS,
    "foreign-name": FOREIGN_NAMES,
}


def body_payloads():
    """(class, label, payload): every body payload, then each tag again inside
    a list item and a table cell, where Markdown treats raw HTML differently."""
    out = []
    for cls, payloads in BODY_CLASSES.items():
        out += [(cls, f"{cls}-{n}", p) for n, p in enumerate(payloads, 1)]
    for n, p in enumerate(TAGS[:40], 1):
        context = "list-item" if n % 2 else "table-cell"
        wrapped = f"- before {p} after" if n % 2 else f"| a | b |\n| - | - |\n| {p} | x |"
        out.append((context, f"{context}-{n}", wrapped))
    return out


# Front matter is text: each of these must appear on the page as typed.
FRONT_MATTER_TEXT = [
    "<img src=x onerror=alert(501)>",
    '"><script>alert(502)</script>',
    "'><svg onload=alert(503)>",
    "</title><script>alert(504)</script>",
    '" onmouseover="alert(505)" x="',
    "<a href=javascript:alert(506)>x</a>",
    "{{ 7*7 }} <b>bold</b>",
    "</script><script>alert(508)</script>",
    "<iframe srcdoc='<script>alert(509)</script>'>",
    "&lt;img src=x onerror=alert(510)&gt;",
    "<style>*{display:none}</style>",
    "<meta http-equiv=refresh content=0;url=https://invalid.invalid>",
]

# Strange characters that must be named, not passed on.
HIDDEN_CHARACTERS = {
    "bell": "\u0007",
    "escape": "\u001b[31m",
    "right-to-left-override": "\u202e",
    "left-to-right-embedding": "\u202a",
    "first-strong-isolate": "\u2068",
    "zero-width-space": "\u200b",
    "zero-width-joiner": "\u200d",
    "word-joiner": "\u2060",
    "c1-control": "\u0085",
    "null": "\u0000",
}


def alias_bomb(levels: int = 9) -> str:
    """A few hundred bytes of YAML that would expand to billions of items."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines)
