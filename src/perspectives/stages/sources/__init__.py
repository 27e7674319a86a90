"""Attribution: the outside sources an article cites, and the voice of each claim."""
