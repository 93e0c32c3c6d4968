import type { Origin } from "../core/value.js";

/**
 * Outputs of terraform-aws-modules modules irsa-lint does not evaluate that are one resource's own
 * attribute (`try(aws_s3_bucket.this[0].arn, null)` in s3-bucket's outputs.tf): an attribute of
 * that resource (null or "" when the module creates none), never "*". Read from each module's outputs.tf.
 */
const SINGLE_RESOURCE_OUTPUTS: Array<[RegExp, Record<string, [type: string, attribute: string]>]> = [
  [/^terraform-aws-modules\/s3-bucket\/aws$/, { s3_bucket_arn: ["aws_s3_bucket", "arn"], s3_bucket_id: ["aws_s3_bucket", "id"], s3_directory_bucket_arn: ["aws_s3_directory_bucket", "arn"] }],
  [/^terraform-aws-modules\/dynamodb-table\/aws$/, { dynamodb_table_arn: ["aws_dynamodb_table", "arn"], dynamodb_table_id: ["aws_dynamodb_table", "id"], dynamodb_table_stream_arn: ["aws_dynamodb_table", "stream_arn"] }],
  [/^terraform-aws-modules\/sqs\/aws$/, { queue_arn: ["aws_sqs_queue", "arn"], dead_letter_queue_arn: ["aws_sqs_queue", "arn"], this_sqs_queue_arn: ["aws_sqs_queue", "arn"] }],
  [/^terraform-aws-modules\/sns\/aws$/, { topic_arn: ["aws_sns_topic", "arn"] }],
  [/^terraform-aws-modules\/kms\/aws$/, { key_arn: ["aws_kms_key", "arn"] }],
  [/^terraform-aws-modules\/ecr\/aws$/, { repository_arn: ["aws_ecr_repository", "arn"] }],
  [/^terraform-aws-modules\/secrets-manager\/aws$/, { secret_arn: ["aws_secretsmanager_secret", "arn"] }],
];

/**
 * The origin of output `name` of a module irsa-lint does not evaluate (`module:<source>`): the
 * resource attribute it is, for the outputs above; else the module's output.
 */
export function moduleOutputOrigin(module: Origin, name: string): Origin {
  const source = module.type.slice("module:".length).replace(/\/\/.*$/, "");
  const outputs = SINGLE_RESOURCE_OUTPUTS.find(([pattern]) => pattern.test(source))?.[1];
  if (!outputs || !Object.hasOwn(outputs, name)) return { ...module, attribute: name };
  const [type, attribute] = outputs[name];
  return { address: `${module.address}.${type}.this`, type, attribute };
}
