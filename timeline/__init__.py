"""Event timelines from news articles: extraction, temporal normalization, actors, charts, exports."""
