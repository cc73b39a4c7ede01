"""Language tools every stage may use: the one sentence splitter, number words, roman numerals
and ISO 8601 durations. Pure functions over strings; nothing here knows about contracts'
structure or the pipeline, so the lowest stage (ingest) can use them as well as the highest.
"""
