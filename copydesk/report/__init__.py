"""`copydesk report`: one self-contained HTML page of the warehouse's stories, outlets and languages."""
