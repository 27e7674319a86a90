"""Reading an article file: decoding, front matter, page layouts, markdown, furniture and metadata."""
