"""The converter: a resolution's text becomes Akoma Ntoso, stage by stage.

The stages, in order: ``source`` (decode, lines), ``language`` (which mapping), ``pages``
(page furniture, the footnote area), ``opening`` (where the formula or decision opens),
``recognise`` and ``blocks`` (what each line is: the recognition), ``texts``, ``normalise``
and ``words`` (clean texts: repairs an extractor makes necessary), ``assemble`` (the
document ``tree``), ``marks`` (notes, citations, meetings and dates, italics marked on the
tree), ``resolve`` and ``metadata`` (FRBR), ``serialise`` (the XML); ``pipeline`` calls them
in that order, ``dump`` prints a stage as JSON.
"""
