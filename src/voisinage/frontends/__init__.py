"""Front ends: the only code that knows a static-site engine. Today MkDocs with Material and
mkdocs-static-i18n (`frontends.mkdocs`); another front end goes beside it."""
