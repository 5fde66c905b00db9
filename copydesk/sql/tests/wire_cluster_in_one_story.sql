-- All copies of one wire text belong to one story.
select wire_cluster_id from articles group by wire_cluster_id having count(distinct story_id) > 1
