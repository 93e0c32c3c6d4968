// Starts `irsa-lint lsp --stdio` for the workspace: diagnostics, hover and quick fixes on
// Kubernetes YAML, Terraform and IAM JSON files, recomputed across files as you type.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("irsa-lint");
  const command = settings.get("path", "irsa-lint");
  const args = [...settings.get("args", []), "lsp", "--stdio"];
  client = new LanguageClient(
    "irsa-lint",
    "irsa-lint",
    { command, args, transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: "file", language: "yaml" },
        { scheme: "file", language: "terraform" },
        { scheme: "file", pattern: "**/*.tf" },
        { scheme: "file", language: "json" },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml,tf,tf.json,tfvars,json}") },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
