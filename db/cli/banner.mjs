// Printed by `npm run demo` just before the server starts.
const port = process.env.PORT || 3000;
console.log(`
──────────────────────────────────────────────────────────
 丰台公共就业与医保服务门户（示例数据）
 居民端：  http://localhost:${port}
 管理后台：管理员登录功能尚在建设中（见 README「管理员登录」）。
 停止：按 Ctrl+C
──────────────────────────────────────────────────────────
`);
