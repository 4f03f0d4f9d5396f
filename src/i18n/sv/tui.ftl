# Svensk text i arbetsbänken (kodbok tui). Nycklarna börjar med tui-.
# Varje nyckel här måste också finnas i ../en/tui.ftl. Se src/i18n.rs för hur en text läggs till.

tui-language-name = Svenska
