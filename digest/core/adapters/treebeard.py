"""treebeard internals: the materialised paths of Wagtail's page tree (an `MP_Node`), for the
synthetic corpus, which writes pages in bulk (digest/core/corpus.py). treebeard's public way,
`add_child()`, saves one page and updates its parent each time: minutes for 10 000 pages."""


def child_path(parent, step: int) -> str:
    """The path of `parent`'s child number `step` (1 for the first)."""
    # MP_Node._get_path: the parent's path plus the step in the tree's alphabet, zero-padded to
    # `steplen`. treebeard exposes no public function for it.
    return type(parent)._get_path(parent.path, parent.depth + 1, step)


def step_of(node_class, path: str) -> int:
    """The step number that ends `path` (the inverse of `child_path`)."""
    # MP_Node._str2int: the alphabet's number reading, also private.
    return node_class._str2int(path[-node_class.steplen :])
