// rich text editor: see RichTextWidget
