"""Podcasts and videos: episode schema and reading, media files, captions, transcripts, the podcast feed and the media pages."""
