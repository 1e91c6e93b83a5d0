/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Build-time API base (absolute http(s) URL or a path starting with "/"). */
  readonly VITE_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
