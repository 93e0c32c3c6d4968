-- A real LSP client driving `irsa-lint lsp --stdio`: Neovim's built-in one (0.7 and later).
-- Steps and what each saw go to $IRSA_OUT as JSON for test/lsp.test.ts to judge.
local root, cli, out = os.getenv("IRSA_ROOT"), os.getenv("IRSA_CLI"), os.getenv("IRSA_OUT")
local results = {}
local function record(step, value) table.insert(results, { step = step, value = value }) end
local function diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, { line = d.lnum + 1, col = d.col + 1, code = code, message = d.message, related = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation and #d.user_data.lsp.relatedInformation or 0 })
  end
  return out
end
local function has(buf, code)
  for _, d in ipairs(diagnostics(buf)) do if d.code == code then return true end end
  return false
end

vim.cmd("edit " .. root .. "/k8s/sa.yaml")
local sa = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({ name = "irsa-lint", cmd = { "node", cli, "lsp", "--stdio" }, root_dir = root })
vim.lsp.buf_attach_client(sa, client)

-- 1. The annotation names no role: a diagnostic on it, pointing at the role it may mean.
record("opened", vim.wait(20000, function() return has(sa, "role-arn-resolves") end, 50))
record("diagnostics", diagnostics(sa))

-- 2. Hover on the annotation: the explain chain in brief.
local c = vim.lsp.get_client_by_id(client)
local hover = c.request_sync("textDocument/hover", { textDocument = { uri = vim.uri_from_bufnr(sa) }, position = { line = 6, character = 40 } }, 10000, sa)
record("hover", hover and hover.result and hover.result.contents and hover.result.contents.value or "")

-- 3. The code action renames the annotation to the role the scan declares: the diagnostic goes,
--    from the unsaved buffer.
local d = vim.diagnostic.get(sa)[1]
local actions = c.request_sync("textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(sa) },
  range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = { d.user_data.lsp } },
}, 10000, sa)
local action = actions and actions.result and actions.result[1]
record("action", action and action.title or "")
if action then vim.lsp.util.apply_workspace_edit(action.edit, "utf-16") end
record("line after fix", vim.api.nvim_buf_get_lines(sa, 6, 7, false)[1])
record("fixed", vim.wait(20000, function() return not has(sa, "role-arn-resolves") end, 50))

-- 4. Rename the role in the (unsaved) .tf: the ServiceAccount's diagnostic comes back, across files.
vim.cmd("edit " .. root .. "/terraform/role.tf")
local tf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(tf, client)
local lines = vim.api.nvim_buf_get_lines(tf, 0, -1, false)
for i, l in ipairs(lines) do lines[i] = l:gsub('"payments%-api%-production"', '"payments-api-v2"') end
vim.api.nvim_buf_set_lines(tf, 0, -1, false, lines)
record("cross-file", vim.wait(20000, function() return has(sa, "role-arn-resolves") end, 50))

-- 5. Shut down as editors do.
vim.lsp.stop_client(client)
record("stopped", vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 50))
vim.fn.writefile({ vim.fn.json_encode(results) }, out)
vim.cmd("qa!")
