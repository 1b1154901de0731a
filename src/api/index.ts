// API edge: the public face of the HTTP API — the app factory, the server, the schemas and the OpenAPI description.
export { createApp, VERSION, type AppOptions } from './create-app.js';
export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export { openApiDocument } from './openapi.js';
export { EXPORT_FORMATS, type ExportFormat, type ExportOutput, type ExportRequest, type Exporter } from './api-context.js';
export { storeExporter } from './store-exporter.js';
export * as schemas from './schemas.js';
