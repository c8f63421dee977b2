"""For the people who keep the records: new records, JSON Schemas and field help for their
editors, translation status and PO files, freshness, and the editors' page of the site."""
