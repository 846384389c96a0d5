"""Issue forms that become pull requests.

A member of the team fills in one of the GitHub issue forms of ``.github/ISSUE_TEMPLATE/`` —
client feedback, interview result, candidate notified, new requirement, new client,
touchpoint — and the ``forms`` workflow (``.github/workflows/forms.yml``) turns the issue into
the matching ``hirebook new`` or ``hirebook log`` command, run on a branch, proposed in a pull
request that closes the issue. This package is the Python half of it:

- :mod:`~hirebook.forms.catalogue`: which form runs which command, each field's option and
  what a value of it must be; the labels and choices are read from the form's template, so
  the template is the one place an agency rewords (or translates) a form;
- :mod:`~hirebook.forms.body`: the issue body, as GitHub writes a submitted form, split into
  its fields;
- :mod:`~hirebook.forms.values`: each value checked (one line, an id of the right kind, a
  choice the form offers…) before it becomes one element of the command's argument vector;
- :mod:`~hirebook.forms.issue`: the event of an opened issue to an outcome — a command run
  and a pull request to open, a refusal to comment, or an issue that is no form of ours;
- :mod:`~hirebook.forms.replies`: the Markdown of the pull request and of the comments;
- ``python -m hirebook.forms``: the entry the workflow's script calls.

The issue's text is untrusted: it never reaches a shell. Values go to hirebook as separate
elements of an argument vector (``--note=…``), to the log through :func:`hirebook.output.inert
.inert`, and to GitHub in files; the git and ``gh`` side is ``.github/scripts/form-pr.sh``.
"""
