// Click-to-load video players: see media_library/templates/media_library/includes/player.html
