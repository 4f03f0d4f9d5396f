# English text of the workbench (kodbok tui). Keys start with tui-.
# Every key here must also be in ../sv/tui.ftl. See src/i18n.rs for how to add a string.

tui-language-name = English
