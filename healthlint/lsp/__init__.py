"""The language server (``healthlint server``): findings in the editor while writing.

:mod:`healthlint.lsp.core` holds what does not depend on the LSP library (positions in the
client's units, config and linter per site, the workspace index for the cross-file rules, hover
text and the edits of code actions); :mod:`healthlint.lsp.server` connects it to pygls. Only
``healthlint server`` imports the latter, so the command line never pays for pygls.
"""
