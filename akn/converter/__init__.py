"""The converter: a resolution's text becomes Akoma Ntoso, stage by stage.

The stages, in order: ``source`` (decode, lines), ``pages`` (page furniture, the footnote
area), ``normalise`` and ``words`` (repairs an extractor makes necessary), ``blocks`` (what
each line is: the recognition), ``marks`` (notes, citations, dates placed on the blocks),
``serialise`` (the XML), ``metadata`` (FRBR); ``pipeline`` calls them in that order.
"""
