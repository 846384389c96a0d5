"""Records for the handbook tests: hostile text in every free-text field, and a candidate whose
personal data is distinctive enough to grep for in the built site.

The records stay lint-clean (the handbook refuses records with errors): the hostile text is
only *text*, and it contains no e-mail address or phone number (those would be refused too).
"""

PAYLOADS = [
    "<script>window.__hb_pwned='script';alert('script')</script>",
    "<img src=x onerror=\"window.__hb_pwned='img';alert('img')\">",
    "[click me](javascript:window.__hb_pwned='link';alert('link'))",
    "<a href=\"javascript:alert('anchor')\">anchor</a>",
    "<svg onload=\"window.__hb_pwned='svg'\"></svg>",
    "<iframe srcdoc=\"<script>parent.__hb_pwned='iframe'</script>\"></iframe>",
    '" onmouseover="window.__hb_pwned=\'attr\'" x="',
    "</textarea></title><script>window.__hb_pwned='breakout'</script>",
    "{{ config.site_name }} {% include 'base.html' %} {# comment #}",
    '<div markdown="1">**raw html with markdown**</div>',
    "Paragraph {: onclick=\"window.__hb_pwned='attr_list'\" }",
    "&lt;script&gt;window.__hb_pwned='entity'&lt;/script&gt;",
    "![pixel](https://tracker.example/pixel.png)",
    "<https://elsewhere.example/page>",
    "| a | table | breaker |",
]

ONE_LINE = " ".join(PAYLOADS)
MARKER = "HOSTILE-MARKER"
"""A plain word present in hostile text, to check that the text is still shown."""


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar of ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(text: str, indent: int = 2) -> str:
    """A literal block scalar (``|``) of ``text``."""
    pad = " " * indent
    return "|\n" + "\n".join(pad + line for line in text.splitlines()) + "\n"


HOSTILE_MARKDOWN = "\n\n".join(
    [
        f"# {MARKER} heading <script>window.__hb_pwned='h1'</script>",
        *PAYLOADS,
        "- list item <b onclick=\"window.__hb_pwned='li'\">bold?</b>",
        "    indented <script>window.__hb_pwned='code'</script>",
        "[ref link][1]\n\n[1]: javascript:window.__hb_pwned='ref'",
    ]
)

HOSTILE = {
    "team/evil-person.yaml": f"""\
        id: evil-person
        name: {_yaml_string("Eve <img src=x onerror=alert('person')> " + MARKER)}
        roles: [account_manager]
        active: true
        """,
    "clients/evil/client.yaml": f"""\
        id: evil
        name: {_yaml_string("<script>window.__hb_pwned='client'</script> " + MARKER)}
        name_local: {_yaml_string("<img src=x onerror=alert('local')>惡意公司")}
        industry: {_yaml_string(PAYLOADS[2])}
        tier: key
        tier_reason: {_yaml_string(ONE_LINE)}
        tier_reviewed_on: 2026-06-01
        status: active
        since: 2025-01-10
        account_manager: evil-person
        contacts:
          - name: {_yaml_string("<b>Contact</b> " + PAYLOADS[6])}
            role: {_yaml_string(PAYLOADS[8])}
            primary: true
        sla:
          client-feedback: 2bd
        website: {_yaml_string("https://evil.example/<script>alert('website')</script>")}
        tags: [{_yaml_string("<script>alert('tag')</script>")}]
        notes: {_block(HOSTILE_MARKDOWN, 10).rstrip()}
        """,
    "clients/evil/requirements/req-evil-1.yaml": f"""\
        id: req-evil-1
        title: {_yaml_string("<script>window.__hb_pwned='title'</script> Engineer " + MARKER)}
        title_local: {_yaml_string("{{ 7*7 }} 工程師")}
        status: confirmed
        received_at: 2026-10-01T10:00:00+08:00
        openings: 2
        location: {_yaml_string(PAYLOADS[0])}
        background: {_block(HOSTILE_MARKDOWN, 10).rstrip()}
        responsibilities: [{_yaml_string(PAYLOADS[1])}, {_yaml_string(PAYLOADS[3])}]
        requirements:
          must: [{_yaml_string(PAYLOADS[2])}]
          nice: [{_yaml_string(PAYLOADS[9])}]
        hiring_manager: {_yaml_string("<b>Contact</b> " + PAYLOADS[6])}
        target_fill_by: 2027-01-31
        confirmation:
          client_signed_by: {_yaml_string("<b>Contact</b> " + PAYLOADS[6])}
          client_signed_on: 2026-10-03
          agency_signed_by: evil-person
          agency_signed_on: 2026-10-03
        changes:
          - on: 2026-10-10
            summary: {_yaml_string(PAYLOADS[4] + " " + PAYLOADS[10])}
            reconfirmed_on: 2026-10-11
        """,
    "clients/evil/plans/plan-evil-1.yaml": f"""\
        id: plan-evil-1
        requirements: [req-evil-1]
        status: active
        proposed_on: 2026-10-04
        client_confirmed_on: 2026-10-05
        position_analysis: {_block(HOSTILE_MARKDOWN, 10).rstrip()}
        channels: [headhunting, referral]
        milestones:
          - name: {_yaml_string("<script>alert('milestone')</script> First shortlist")}
            due: 2026-10-20
            done_on: 2026-10-22
          - name: {_yaml_string("</text><script>alert('svg')</script>")}
            due: 2026-12-15
        interview_process:
          - {{round: 1, name: {_yaml_string(PAYLOADS[5])}, by: agency}}
        client_commitments:
          - {{what: {_yaml_string(PAYLOADS[7])}, due: 2026-10-12, done_on: 2026-10-12}}
        """,
    "clients/evil/applications/app-evil-1.yaml": """\
        id: app-evil-1
        requirement: req-evil-1
        candidate: cand-9999
        channel: referral
        submitted_at: 2026-10-21T10:00:00+08:00
        """,
    "clients/evil/touchpoints/tp-evil-1.yaml": f"""\
        id: tp-evil-1
        type: meeting
        at: 2026-10-06T10:00:00+08:00
        by: evil-person
        with: [{_yaml_string(PAYLOADS[1])}]
        summary: {_yaml_string(ONE_LINE)}
        follow_ups:
          - {{action: {_yaml_string(PAYLOADS[0])}, owner: evil-person, due: 2026-10-09}}
        """,
    "clients/evil/feedback/fb-evil-1.yaml": f"""\
        id: fb-evil-1
        on: 2026-10-30
        collected_by: evil-person
        requirement: req-evil-1
        scores: {{overall: 3, responsiveness: 4}}
        nps: 7
        comments: {_yaml_string(ONE_LINE)}
        actions:
          - {{action: {_yaml_string(PAYLOADS[5])}, owner: evil-person, due: 2026-11-30}}
        """,
    "cases/evil-case.md": f"""\
        ---
        title: {_yaml_string("<img src=x onerror=alert('case')> Case " + MARKER)}
        client: evil
        author: evil-person
        on: 2026-11-01
        tags: [{_yaml_string("<script>alert('casetag')</script>")}, hostile]
        outcome: mixed
        ---
        {HOSTILE_MARKDOWN.replace(chr(10), chr(10) + "        ")}
        """,
}

SECRET_NAME = "Quokkaberg Zyxwvut"
SECRET_NAME_ZH = "龍鳳蝶"
SECRET_EMAIL = "quokka.secret@private-mail.example"
SECRET_PHONE = "+86 139 8765 4321"
SECRET_NOTE = "Prefers-calls-after-nine-quokka"

PRIVATE = {
    "candidates/cand-9999.yaml": f"""\
        id: cand-9999
        name: {SECRET_NAME} ({SECRET_NAME_ZH})
        email: {SECRET_EMAIL}
        phone: "{SECRET_PHONE}"
        notes: {SECRET_NOTE}
        consent: {{given_on: 2026-10-01, purpose: Recruitment for client roles}}
        retain_until: 2028-10-01
        """,
}
SECRETS = [SECRET_NAME, SECRET_NAME_ZH, SECRET_EMAIL, SECRET_PHONE, SECRET_NOTE, "Quokkaberg"]
