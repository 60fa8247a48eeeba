"""Retrieval: offline embeddings, a chromadb vector index, BM25, fused and scenario-aware."""
