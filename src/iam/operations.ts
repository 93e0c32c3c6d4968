/**
 * API operations that have no IAM action of their own, and the actions that authorise them. Only
 * consulted for a name the catalog does not know, so a real action never gets a hint from here.
 * Sources:
 * - DynamoDB: "Using IAM with DynamoDB transactions", Amazon DynamoDB Developer Guide.
 * - S3: "Required permissions for Amazon S3 API operations", Amazon S3 User Guide.
 * - SQS: "Amazon SQS API permissions: Actions and resource reference", Amazon SQS Developer Guide
 *   (batch operations are authorised by the single-message actions).
 * - SNS: PublishBatch, Amazon SNS API Reference (authorised by sns:Publish).
 */
const S3 = "Amazon S3 User Guide, Required permissions for Amazon S3 API operations";
const OPERATIONS: Record<string, { actions: string[]; source: string }> = {
  "dynamodb:transactwriteitems": { actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"], source: "Amazon DynamoDB Developer Guide, Using IAM with DynamoDB transactions" },
  "dynamodb:transactgetitems": { actions: ["dynamodb:GetItem"], source: "Amazon DynamoDB Developer Guide, Using IAM with DynamoDB transactions" },
  "s3:headobject": { actions: ["s3:GetObject"], source: S3 },
  "s3:headbucket": { actions: ["s3:ListBucket"], source: S3 },
  "s3:listobjects": { actions: ["s3:ListBucket"], source: S3 },
  "s3:listobjectsv2": { actions: ["s3:ListBucket"], source: S3 },
  "s3:listobjectversions": { actions: ["s3:ListBucketVersions"], source: S3 },
  "s3:listmultipartuploads": { actions: ["s3:ListBucketMultipartUploads"], source: S3 },
  "s3:deleteobjects": { actions: ["s3:DeleteObject"], source: S3 },
  "s3:copyobject": { actions: ["s3:GetObject", "s3:PutObject"], source: S3 },
  "s3:createmultipartupload": { actions: ["s3:PutObject"], source: S3 },
  "s3:uploadpart": { actions: ["s3:PutObject"], source: S3 },
  "s3:uploadpartcopy": { actions: ["s3:GetObject", "s3:PutObject"], source: S3 },
  "s3:completemultipartupload": { actions: ["s3:PutObject"], source: S3 },
  "s3:deletebucketownershipcontrols": { actions: ["s3:PutBucketOwnershipControls"], source: S3 },
  "s3:deletebucketcors": { actions: ["s3:PutBucketCORS"], source: S3 },
  "s3:deletebucketencryption": { actions: ["s3:PutEncryptionConfiguration"], source: S3 },
  "s3:getbucketencryption": { actions: ["s3:GetEncryptionConfiguration"], source: S3 },
  "s3:putbucketencryption": { actions: ["s3:PutEncryptionConfiguration"], source: S3 },
  "s3:deletebucketlifecycle": { actions: ["s3:PutLifecycleConfiguration"], source: S3 },
  "s3:getbucketlifecycleconfiguration": { actions: ["s3:GetLifecycleConfiguration"], source: S3 },
  "s3:putbucketlifecycleconfiguration": { actions: ["s3:PutLifecycleConfiguration"], source: S3 },
  "s3:deletebucketreplication": { actions: ["s3:PutReplicationConfiguration"], source: S3 },
  "s3:getbucketreplication": { actions: ["s3:GetReplicationConfiguration"], source: S3 },
  "s3:putbucketreplication": { actions: ["s3:PutReplicationConfiguration"], source: S3 },
  "s3:deletebuckettagging": { actions: ["s3:PutBucketTagging"], source: S3 },
  "s3:getbucketnotificationconfiguration": { actions: ["s3:GetBucketNotification"], source: S3 },
  "s3:putbucketnotificationconfiguration": { actions: ["s3:PutBucketNotification"], source: S3 },
  "sqs:sendmessagebatch": { actions: ["sqs:SendMessage"], source: "Amazon SQS Developer Guide, API permissions reference" },
  "sqs:deletemessagebatch": { actions: ["sqs:DeleteMessage"], source: "Amazon SQS Developer Guide, API permissions reference" },
  "sqs:changemessagevisibilitybatch": { actions: ["sqs:ChangeMessageVisibility"], source: "Amazon SQS Developer Guide, API permissions reference" },
  "sns:publishbatch": { actions: ["sns:Publish"], source: "Amazon SNS API Reference, PublishBatch" },
};

/** The actions that authorise an API operation with no IAM action of its own, if it is one. */
export function authorisingActions(operation: string): { actions: string[]; source: string } | undefined {
  return Object.hasOwn(OPERATIONS, operation.toLowerCase()) ? OPERATIONS[operation.toLowerCase()] : undefined;
}
