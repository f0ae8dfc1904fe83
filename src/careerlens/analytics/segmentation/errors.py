"""The one error the segmentation engine raises for unusable input (a file, a column, a value, a
setting); its message names what is wrong, so that a command can print it as one line."""


class SegmentationDataError(ValueError):
    """Input the segmentation engine cannot use; the message says which file, column or value."""
