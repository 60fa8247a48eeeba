# The image every service of compose.yaml runs (app instances, API, migration). The project is installed
# in place (editable), so the knowledge, prompts and pages folders are found beside the package.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY assistant ./assistant
RUN pip install -e . && useradd --create-home --uid 10001 assistant && mkdir -p /data && chown assistant /data
COPY app.py ./
COPY .streamlit ./.streamlit
COPY pages ./pages
COPY knowledge ./knowledge
COPY prompts ./prompts
COPY evals ./evals
USER assistant
ENV REPLY_ASSISTANT_DATA_DIR=/data
EXPOSE 8501 8080
CMD ["reply-assistant", "serve", "--host", "0.0.0.0", "--port", "8080"]
