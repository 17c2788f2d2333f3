/** Garbage classifier: dataset reading, training, evaluation and runtime scoring. */
package cn.xuncha.models;
