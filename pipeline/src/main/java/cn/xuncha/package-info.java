/** xuncha: camera patrol pipeline. */
package cn.xuncha;
