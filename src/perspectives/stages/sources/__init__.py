"""Attribution: the outside sources an article cites (``citations``), and the voice of each claim (``voice``).

The package re-exports nothing: importing it, as the build report does for ``lexicon``, must not compile the
whole grammar's patterns.
"""
