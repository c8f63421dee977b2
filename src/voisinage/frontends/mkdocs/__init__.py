"""The MkDocs front end: the plugin, its derived configurations (preview, shards), the search
index it splits, and the assembly of shards. Only this package imports MkDocs or Material."""
